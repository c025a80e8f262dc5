"""The pages behind a person's personal links (feedback.py, easy.py, self_report.py,
about_you.py, reply.py; access.py is how a link becomes access) and the staff pages for their
data (people.py)."""
