"""The demo organisations' activities, drawn from the seeds' case studies.

Days are counted from today (negative is in the past) so statuses stay believable whenever the
demo is loaded. Keys:
- `lead`: a persona from people.py; `approach` and `influence_level`: catalogue keys.
- `agreement`: the terms as written down; `agreed`: when, how and with whom they were agreed.
- `changed`: terms changed after agreement, so the agreement needs agreeing again.
- `sessions`: `day`, `time`, `papers` (days before the session they were sent; None = not sent).
- `checks`: accessibility system -> (status, note); others follow the activity's status.

The people involved follow the activities: their records, who takes part in which activity,
and who missed which past session (everyone else involved that day attended).
"""

# The brightwater service-user persona (people.py) takes part in agreeing some activities.
BRIGHTWATER_MEMBER = "Jordan Reid"
NORTHGATE_MEMBER = "Alex Kerr"

BRIGHTWATER = [
    {
        "title": "Voices Council",
        "lead": "org_admin",
        "approach": "collaboration",
        "decision_level": "strategic",
        "motives": ["moral_political", "intrinsic", "instrumental"],
        "aims": ["collective_intrinsic", "further_reaching_intrinsic", "service_organisational"],
        "status": "running",
        "starts": -600,
        "ends": None,
        "overview": (
            "A council of people with a learning disability who meet a week before each board "
            "meeting, with the same agenda in Easy Read. They scrutinise the papers and two "
            "members bring the council's view to the board. Based on Mencap's Voices Council."
        ),
        "frequency": "Every two months, a week before the board",
        "session_length": "3 hours with a lunch break",
        "time_commitment": "About 6 hours every two months, including reading the papers",
        "commitment_duration": "Two years, then members can stand again",
        "agreement": {
            "purpose": (
                "So that the board's decisions reflect what people with a learning disability "
                "who use our services think, and so that people with a learning disability are "
                "seen in positions of influence."
            ),
            "objectives": (
                "Every board paper gets an Easy Read summary.\n"
                "The council's view is minuted at the board for every paper it discusses.\n"
                "Members gain skills they can use elsewhere, and say so in the yearly check-in."
            ),
            "influence_level": "participation",
            "can_influence": (
                "Which board papers need more work before a decision. Priorities in the yearly "
                "plan. How services for people with a learning disability are checked."
            ),
            "cannot_influence": (
                "The trust's budget total, which NHS England sets. Decisions the law gives to "
                "clinicians. Individual staff matters."
            ),
            "monitoring": (
                "A short report after each board: what the council said and what the board did "
                "about it. Members' self-reported confidence, twice a year."
            ),
        },
        "agreed": {
            "on": -610,
            "how": "At the first council meeting, going through the Easy Read terms together.",
            "with": [BRIGHTWATER_MEMBER, "Dee Walsh", "Kofi Mensah", "Marion B.", "Lewis Grant"],
        },
        "sessions": [
            {
                "day": -57,
                "time": "10:30",
                "place": "Board room, Riverside House",
                "accessible": True,
                "papers": 12,
                "agenda": True,
            },
            {
                "day": -3,
                "time": "10:30",
                "place": "Board room, Riverside House",
                "accessible": True,
                "papers": 3,
                "agenda": True,
            },
            {
                "day": 53,
                "time": "10:30",
                "place": "Board room, Riverside House",
                "accessible": True,
                "agenda": False,
            },
        ],
        "checks": {
            "payment_policy": ("in_place", "£25 an hour, paid within 10 working days."),
            "skills_audit": ("in_progress", "New members' audit due after the March intake."),
        },
    },
    {
        "title": "Quality Checkers",
        "lead": "staff",
        "approach": "co_production",
        "decision_level": "service",
        "motives": ["instrumental", "intrinsic"],
        "aims": ["service_organisational", "extrinsic_individual"],
        "status": "running",
        "starts": -420,
        "ends": None,
        "overview": (
            "People who use our supported living services visit other services, talk to the "
            "people who live there and rate what they find. Their ratings sit beside our other "
            "quality measures. Based on the Brandon Trust's Quality Checkers."
        ),
        "frequency": "Two visits a month",
        "session_length": "Half a day per visit, plus a write-up session",
        "time_commitment": "About 10 hours a month, paid",
        "commitment_duration": "12 months, renewable",
        "agreement": {
            "purpose": (
                "People who use services are the experts in how they should be delivered, so "
                "they check the quality of their peers' services."
            ),
            "objectives": (
                "Visit every supported living service once a year.\n"
                "Rate each service as requires improvement, good or outstanding.\n"
                "Every rating of 'requires improvement' gets an action plan within a month."
            ),
            "influence_level": "participation",
            "can_influence": (
                "What is checked on a visit. The rating each service gets. The actions in the "
                "service's improvement plan."
            ),
            "cannot_influence": (
                "Whether a service stays open. Staffing numbers, which are set by contracts. "
                "Care Quality Commission ratings."
            ),
            "monitoring": (
                "Number of visits done; ratings over time; share of actions completed on time."
            ),
        },
        "agreed": {
            "on": -430,
            "how": "Two training days, then a vote on the checklist and the rating rules.",
            "with": [BRIGHTWATER_MEMBER, "Kofi Mensah", "Sasha Novak", "Bernie T."],
        },
        "sessions": [
            {
                "day": -40,
                "time": "10:00",
                "place": "Oak Lodge",
                "accessible": True,
                "papers": 7,
                "agenda": True,
            },
            {
                "day": -12,
                "time": "10:00",
                "place": "Elm Court",
                "accessible": False,
                "papers": 2,
                "agenda": True,
            },
            {"day": 16, "time": "10:00", "place": "Willow House", "accessible": True},
        ],
        "checks": {
            "access_audit": ("in_progress", "Elm Court has steps at the side door; ramp ordered."),
            "role_descriptions": ("in_place", "Easy Read role description, reviewed yearly."),
        },
    },
    {
        "title": "Youth Voice: a member-led activity programme",
        "lead": "staff",
        "approach": "user_led",
        "decision_level": "service",
        "motives": ["moral_political", "intrinsic"],
        "aims": ["further_reaching_intrinsic", "collective_intrinsic"],
        "status": "running",
        "starts": -200,
        "ends": 165,
        "overview": (
            "Young people aged 14 to 25 who use our young people's mental health service decide "
            "the programme of group activities for the year, with their own quality checks for "
            "each activity. Inspired by Girlguiding's member-led programme."
        ),
        "frequency": "Monthly planning meeting",
        "session_length": "2 hours after school or college",
        "time_commitment": "About 3 hours a month",
        "commitment_duration": "One programme year",
        "agreement": {
            "purpose": (
                "Young people choose and shape the activities they take part in, so the "
                "programme is one they want and they learn to lead."
            ),
            "objectives": (
                "A full year's programme chosen by young members.\n"
                "Each activity has success indicators written by members.\n"
                "At least four members lead an activity themselves."
            ),
            "influence_level": "delegated_power",
            "can_influence": (
                "Which activities run, when and where. How the £6,000 activity budget is spent. "
                "How each activity is judged a success."
            ),
            "cannot_influence": (
                "Safeguarding rules and staff ratios. Clinical care plans. Activities that need "
                "an overnight stay, which the board has not approved."
            ),
            "monitoring": (
                "Members' own indicators for each activity, reviewed by staff and members "
                "together each term."
            ),
        },
        "agreed": {
            "on": -210,
            "how": "Planning weekend; members voted on the terms with coloured cards.",
            "with": ["Aisha K.", "Tyler M.", "Ren", "Chloe D.", "Sam O."],
        },
        "sessions": [
            {
                "day": -30,
                "time": "16:30",
                "place": "Youth hub, Market Street",
                "accessible": True,
                "papers": 7,
                "agenda": True,
            },
            {
                "day": 0,
                "time": "16:30",
                "place": "Youth hub, Market Street",
                "online_link": "https://meet.example/youth-voice",
                "accessible": True,
                "papers": 7,
                "agenda": True,
            },
        ],
        "checks": {
            "payment_policy": ("not_needed", "Members get vouchers, agreed with them."),
            "skills_audit": ("not_needed", "Leading is learned on the job with a mentor."),
        },
    },
    {
        "title": "Two-minute text: feedback after every appointment",
        "lead": "staff",
        "approach": "consultation_feedback",
        "decision_level": "individual",
        "motives": ["instrumental"],
        "aims": ["service_organisational"],
        "status": "running",
        "starts": -300,
        "ends": None,
        "overview": (
            "After each community appointment people get three questions by text. Staff follow "
            "up replies within a week, run focus groups on common themes, and post 'you said, "
            "we did' every month. Inspired by the Center for Employment Opportunities' texts."
        ),
        "frequency": "After every appointment; monthly summary",
        "session_length": "Two minutes to answer",
        "time_commitment": "Optional, two minutes each time",
        "commitment_duration": "Ongoing",
        "agreement": {
            "purpose": (
                "A quick, direct way to tell us how an appointment went, with a promise that we "
                "act on it and say what we did."
            ),
            "objectives": (
                "Reply to every comment that asks for a reply within 5 working days.\n"
                "Publish 'you said, we did' monthly.\n"
                "Track the fix-rate: problems solved to the person's satisfaction."
            ),
            "influence_level": "researching",
            "can_influence": "How appointments are run: reminders, waiting, information given.",
            "cannot_influence": "Clinical decisions about treatment. Which clinics exist.",
            "monitoring": "Reply rate, reply time and fix-rate, reported to the board quarterly.",
        },
        "agreed": {
            "on": -320,
            "how": "Questions tested with the carers' forum and two Voices Council members.",
            "with": ["Dee Walsh", "Hannah Cole", "Ray P."],
        },
        "sessions": [],
        "checks": {
            "terms_of_reference": ("not_needed", "No ongoing representatives."),
            "role_descriptions": ("not_needed", "No ongoing roles."),
            "payment_policy": ("not_needed", "Texts are free to answer."),
            "skills_audit": ("not_needed", ""),
        },
    },
    {
        "title": "Brightwater Survivor Network",
        "lead": "org_admin",
        "approach": "user_led",
        "decision_level": "strategic",
        "motives": ["moral_political", "intrinsic"],
        "aims": ["collective_intrinsic", "further_reaching_intrinsic"],
        "status": "running",
        "starts": -900,
        "ends": None,
        "overview": (
            "A network run by people who have used our mental health services. Its members "
            "write a yearly manifesto from a members' survey and general meeting, run their own "
            "peer research, and hold a budget for their work. Modelled on NSUN."
        ),
        "frequency": "Steering group monthly; general meeting yearly",
        "session_length": "2 hours",
        "time_commitment": "Steering group members: about 8 hours a month",
        "commitment_duration": "Steering group: two years",
        "agreement": {
            "purpose": (
                "People with lived experience of mental distress set the priorities for our "
                "mental health services and decide how to campaign for them."
            ),
            "objectives": (
                "A members' manifesto each year.\n"
                "The trust responds in writing to every manifesto priority within three months.\n"
                "The network's membership grows and reflects the people we serve."
            ),
            "influence_level": "empowerment",
            "can_influence": (
                "The network's own priorities, spending and research. Which manifesto priorities "
                "the trust must respond to."
            ),
            "cannot_influence": (
                "The trust's own final decisions on the manifesto, though it must explain them."
            ),
            "monitoring": "Membership numbers and mix; the trust's written responses, published.",
        },
        "agreed": {
            "on": -905,
            "how": "Agreed at the founding general meeting; the network wrote the terms.",
            "with": ["Lena Brooks", "Martin O.", "Ife Adeyemi", "Sasha Novak"],
        },
        "sessions": [
            {
                "day": -20,
                "time": "18:00",
                "place": "The Hub, 4 Canal Street",
                "online_link": "https://meet.example/survivor-network",
                "accessible": True,
                "papers": 14,
                "agenda": True,
            },
            {
                "day": 10,
                "time": "18:00",
                "place": "The Hub, 4 Canal Street",
                "accessible": True,
                "papers": 14,
                "agenda": True,
            },
        ],
        "checks": {},
    },
    {
        "title": "Experts by Experience Shadow Board",
        "lead": "org_admin",
        "approach": "collaboration",
        "decision_level": "strategic",
        "motives": ["instrumental", "moral_political"],
        "aims": ["service_organisational"],
        "status": "running",
        "starts": -380,
        "ends": None,
        "overview": (
            "A shadow board of eight people who use our services. It meets before the real "
            "board, looks at the same decisions and sends its advice. We set out its powers "
            "and lines of communication so it is not 'advisory' in name only."
        ),
        "frequency": "Quarterly",
        "session_length": "3 hours",
        "time_commitment": "About 6 hours a quarter",
        "commitment_duration": "Two years",
        "agreement": {
            "purpose": (
                "Give the board the view of people who use our services before it decides, and "
                "make the board say what it did with that view."
            ),
            "objectives": (
                "The shadow board's advice is a standing item, not last on the agenda.\n"
                "The chair replies in writing to each piece of advice."
            ),
            "influence_level": "consulting",
            "can_influence": "The advice the board receives on every strategic paper.",
            "cannot_influence": "The board's final vote.",
            "monitoring": "Share of advice the board followed, and the reasons when it did not.",
        },
        "agreed": {
            "on": -390,
            "how": "Terms of reference agreed at the first meeting.",
            "with": ["Ife Adeyemi", "Hannah Cole", "Lewis Grant", "Martin O."],
        },
        "changed": {
            "on": -15,
            "by": "org_admin",
            "terms": {
                "can_influence": (
                    "The advice the board receives on every strategic paper, and the yearly "
                    "budget priorities before they are set."
                ),
                "objectives": (
                    "The shadow board's advice is a standing item, not last on the agenda.\n"
                    "The chair replies in writing to each piece of advice.\n"
                    "The shadow board sees the draft budget a month before the board does."
                ),
            },
        },
        "sessions": [
            {
                "day": -75,
                "time": "14:00",
                "place": "Riverside House, room 2",
                "accessible": True,
                "papers": 9,
                "agenda": False,
            },
            {"day": 15, "time": "14:00", "place": "Riverside House, room 2", "accessible": True},
        ],
        "checks": {
            "role_descriptions": ("in_progress", "Being redrafted after the budget change.")
        },
    },
    {
        "title": "Peer research: leaving hospital",
        "lead": "staff",
        "approach": "co_production",
        "decision_level": "service",
        "motives": ["instrumental", "intrinsic"],
        "aims": ["service_organisational", "further_reaching_intrinsic"],
        "status": "completed",
        "starts": -330,
        "ends": -40,
        "overview": (
            "Six peer researchers who have been in hospital themselves designed the questions, "
            "interviewed 40 people after discharge and analysed the findings with us."
        ),
        "frequency": "Weekly during fieldwork",
        "session_length": "Half a day",
        "time_commitment": "About 6 hours a week for 12 weeks, paid",
        "commitment_duration": "Nine months",
        "agreement": {
            "purpose": (
                "Find out what makes leaving hospital go well or badly, from people who have "
                "done it, so the discharge process is redesigned around them."
            ),
            "objectives": (
                "40 interviews, including people usually missed: older men, people without a "
                "fixed address.\nA report written with the peer researchers.\n"
                "Peer researchers get accredited training."
            ),
            "influence_level": "researching",
            "can_influence": "The questions, who is interviewed, what the findings say.",
            "cannot_influence": "Which recommendations the discharge team adopts.",
            "monitoring": "Interviews done against plan; the team's response to each finding.",
        },
        "agreed": {
            "on": -340,
            "how": "Agreed at the induction day after the research training.",
            "with": [BRIGHTWATER_MEMBER, "Ray P.", "Lena Brooks", "Tom H."],
        },
        "sessions": [
            {
                "day": -200,
                "time": "10:00",
                "place": "Learning Centre",
                "accessible": True,
                "papers": 10,
                "agenda": True,
            },
            {
                "day": -120,
                "time": "10:00",
                "place": "Learning Centre",
                "accessible": True,
                "papers": 8,
                "agenda": True,
            },
            {
                "day": -45,
                "time": "10:00",
                "place": "Learning Centre",
                "accessible": True,
                "papers": 1,
                "agenda": True,
            },
        ],
        "checks": {"skills_audit": ("in_place", "Interview and ethics training for all six.")},
    },
    {
        "title": "Recruitment panels with people who use services",
        "lead": "staff",
        "approach": "collaboration",
        "decision_level": "service",
        "motives": ["instrumental", "moral_political"],
        "aims": ["service_organisational", "further_reaching_intrinsic"],
        "status": "running",
        "starts": -250,
        "ends": None,
        "overview": (
            "Every interview for a frontline post has a panel member who uses our services, "
            "trained in fair recruitment, with an equal score."
        ),
        "frequency": "As posts come up, about twice a month",
        "session_length": "A day of interviews",
        "time_commitment": "One or two days a month, paid",
        "commitment_duration": "12 months",
        "agreement": {
            "purpose": "People who use our services help choose the staff who will support them.",
            "objectives": (
                "Every frontline interview panel has a member with lived experience.\n"
                "Panel members are trained and paid."
            ),
            "influence_level": "participation",
            "can_influence": "Interview questions and who is appointed, with an equal score.",
            "cannot_influence": "Salary, contracts and pre-employment checks.",
            "monitoring": "Share of panels with a member; new staff's view of the panel.",
        },
        "agreed": {
            "on": -260,
            "how": "Agreed at the panel training day.",
            "with": [BRIGHTWATER_MEMBER, "Hannah Cole", "Bernie T."],
        },
        "changed": {
            "on": -6,
            "by": "staff",
            "terms": {
                "can_influence": (
                    "Interview questions and a score that counts as advice to the chair."
                ),
                "cannot_influence": (
                    "Salary, contracts and pre-employment checks. The final appointment, which "
                    "HR now says must rest with the hiring manager."
                ),
            },
        },
        "sessions": [
            {
                "day": -14,
                "time": "09:30",
                "place": "Riverside House, room 4",
                "accessible": True,
                "papers": 5,
                "agenda": False,
            },
            {"day": 9, "time": "09:30", "place": "Riverside House, room 4", "accessible": True},
        ],
        "checks": {"payment_policy": ("in_place", "Day rate of £150, paid monthly.")},
    },
    {
        "title": "Redesigning the mental health front door",
        "lead": "staff",
        "approach": "co_design",
        "decision_level": "service",
        "motives": ["instrumental"],
        "aims": ["service_organisational"],
        "status": "completed",
        "starts": -280,
        "ends": -60,
        "overview": (
            "Four workshops where people who have tried to get help, their families and staff "
            "redesigned how referrals to community mental health services work, and tested "
            "paper prototypes of the new route."
        ),
        "frequency": "Four workshops",
        "session_length": "3 hours",
        "time_commitment": "12 hours over three months",
        "commitment_duration": "Three months",
        "agreement": {
            "purpose": "Make it easier to get the right mental health help the first time.",
            "objectives": (
                "Map the current route with people who used it.\n"
                "Agree a new route and test it with 10 people."
            ),
            "influence_level": "participation",
            "can_influence": "The steps, letters and first contact in the new route.",
            "cannot_influence": "Clinical thresholds for secondary care, set nationally.",
            "monitoring": "Waiting time to first contact; people's rating of the first contact.",
        },
        "agreed": {
            "on": -290,
            "how": "First workshop opened by agreeing the purpose and limits together.",
            "with": ["Hannah Cole", "Martin O.", "Paula G.", "Ray P."],
        },
        "sessions": [
            {
                "day": -260,
                "time": "13:00",
                "place": "Learning Centre",
                "accessible": True,
                "papers": 10,
                "agenda": True,
            },
            {
                "day": -200,
                "time": "13:00",
                "place": "Learning Centre",
                "accessible": True,
                "papers": 4,
                "agenda": True,
            },
            {
                "day": -140,
                "time": "13:00",
                "place": "Learning Centre",
                "accessible": True,
                "agenda": True,
            },
            {
                "day": -80,
                "time": "13:00",
                "place": "Learning Centre",
                "accessible": True,
                "papers": 7,
                "agenda": True,
            },
        ],
        "checks": {},
    },
    {
        "title": "Patient-reported experience survey 2025",
        "lead": "staff",
        "approach": "consultation_feedback",
        "decision_level": "service",
        "motives": ["instrumental"],
        "aims": ["service_organisational"],
        "status": "reviewed",
        "starts": -500,
        "ends": -380,
        "overview": (
            "Our yearly survey of people's experience of care, with questions reviewed by the "
            "carers' forum, and results reported back in Easy Read."
        ),
        "frequency": "Yearly",
        "session_length": "15 minutes to fill in",
        "time_commitment": "15 minutes",
        "commitment_duration": "One survey",
        "agreement": {
            "purpose": "Learn how people experience our care, service by service, year on year.",
            "objectives": "1,000 replies, including from each service.\nResults published.",
            "influence_level": "researching",
            "can_influence": "Which services each team works on improving next year.",
            "cannot_influence": "The core questions, which are national and fixed.",
            "monitoring": "Response rate by service; actions taken from the results.",
        },
        "agreed": {
            "on": -520,
            "how": "Extra questions agreed at the carers' forum.",
            "with": ["Paula G.", "Dee Walsh"],
        },
        "sessions": [],
        "checks": {
            "terms_of_reference": ("not_needed", ""),
            "role_descriptions": ("not_needed", ""),
            "payment_policy": ("not_needed", ""),
        },
    },
    {
        "title": "Easy Read newsletter: what's changing",
        "lead": "staff",
        "approach": "consultation_feedback",
        "decision_level": "service",
        "motives": ["moral_political"],
        "aims": ["service_organisational"],
        "status": "running",
        "starts": -150,
        "ends": None,
        "overview": (
            "A short Easy Read newsletter telling people about changes to our services and "
            "what happened because of their feedback. Written with two Voices Council members."
        ),
        "frequency": "Every two months",
        "session_length": "",
        "time_commitment": "",
        "commitment_duration": "Ongoing",
        "agreement": {
            "purpose": "Tell people clearly about changes, and close the loop on their feedback.",
            "objectives": "Six issues a year, posted and online.",
            "influence_level": "informing",
            "can_influence": "How things are explained, and what goes in each issue.",
            "cannot_influence": "The changes themselves: those are decided elsewhere.",
            "monitoring": "Copies sent; readers' comments.",
        },
        "agreed": {
            "on": -160,
            "how": "Agreed with the Voices Council at its meeting.",
            "with": ["Dee Walsh", "Lewis Grant"],
        },
        "sessions": [],
        "checks": {
            "access_audit": ("not_needed", ""),
            "skills_audit": ("not_needed", ""),
        },
    },
    {
        "title": "Personal budgets: You Can",
        "lead": "staff",
        "approach": "co_production",
        "decision_level": "individual",
        "motives": ["moral_political", "instrumental"],
        "aims": ["extrinsic_individual"],
        "status": "completed",
        "starts": -540,
        "ends": -30,
        "overview": (
            "People with multiple and complex needs each had a personal budget and decided "
            "with a worker how to spend it. Evaluated with costs, outcomes and feedback, as "
            "Resolving Chaos did for You Can and You First."
        ),
        "frequency": "Fortnightly meetings with a worker",
        "session_length": "1 hour",
        "time_commitment": "About 2 hours a month",
        "commitment_duration": "Up to 12 months each",
        "agreement": {
            "purpose": "People decide what help they need and how their budget is spent.",
            "objectives": "30 people take part.\nPersonally defined outcomes tracked (POET).",
            "influence_level": "delegated_power",
            "can_influence": "What their budget is spent on, up to £2,000, within the law.",
            "cannot_influence": "The size of the budget; spending that is against the law.",
            "monitoring": "POET survey at start and end; cost comparison with usual support.",
        },
        "agreed": {
            "on": -545,
            "how": "Co-designed with the first ten people, then agreed with the group.",
            "with": ["Tom H.", "Gary W.", "Nadia R."],
        },
        "sessions": [
            {
                "day": -400,
                "time": "11:00",
                "place": "Hope Street drop-in",
                "accessible": False,
                "agenda": True,
            },
        ],
        "checks": {"access_audit": ("in_progress", "Hope Street lift broken twice; reported.")},
    },
    {
        "title": "My care plan, in my words",
        "lead": "org_admin",
        "approach": "co_production",
        "decision_level": "individual",
        "motives": ["moral_political", "instrumental"],
        "aims": ["extrinsic_individual", "intrinsic_individual"],
        "status": "agreed",
        "starts": 20,
        "ends": 200,
        "overview": (
            "People write their own care plans with their care coordinator, in their own "
            "words, with goals they choose. A six-month pilot in two community teams."
        ),
        "frequency": "At each care plan review",
        "session_length": "1 hour",
        "time_commitment": "1 to 2 hours each review",
        "commitment_duration": "Six months",
        "agreement": {
            "purpose": "Care plans that people recognise as theirs, with goals that matter.",
            "objectives": "Every plan in the two teams written with the person.",
            "influence_level": "participation",
            "can_influence": "The goals, wording and support in their own plan.",
            "cannot_influence": "Risk assessments and legal duties under the Mental Health Act.",
            "monitoring": "People's rating of their plan; Patient Activation Measure at 6 months.",
        },
        "agreed": {
            "on": -10,
            "how": "Template tested with people from both teams.",
            "with": ["Nadia R.", "Martin O."],
        },
        "sessions": [
            {
                "day": 25,
                "time": "10:00",
                "place": "North community team base",
                "accessible": True,
                "agenda": True,
            },
        ],
        "checks": {
            "practical_arrangements": ("in_progress", "Rooms booked; times still being agreed."),
        },
    },
    {
        "title": "Recovery College: courses led by peer tutors",
        "lead": "org_admin",
        "approach": "co_production",
        "decision_level": "service",
        "motives": ["intrinsic", "instrumental"],
        "aims": ["further_reaching_intrinsic", "collective_intrinsic", "extrinsic_individual"],
        "status": "running",
        "starts": -700,
        "ends": None,
        "overview": (
            "Recovery courses written and taught by peer tutors with lived experience, "
            "alongside clinicians. Peer tutors decide the curriculum."
        ),
        "frequency": "Three terms a year",
        "session_length": "2 hours a week",
        "time_commitment": "Peer tutors: about 6 hours a week in term, paid",
        "commitment_duration": "One year, renewable",
        "agreement": {
            "purpose": "Learning about recovery from people who have lived it.",
            "objectives": "12 courses a term.\nHalf of courses led by peer tutors.",
            "influence_level": "empowerment",
            "can_influence": "What is taught, by whom, and how courses are run.",
            "cannot_influence": "The college's total budget.",
            "monitoring": "Students' confidence before and after; tutors' progression.",
        },
        "agreed": {
            "on": -710,
            "how": "Agreed by the tutor group.",
            "with": ["Lena Brooks", "Ife Adeyemi", "Carl J."],
        },
        "sessions": [
            {
                "day": -7,
                "time": "14:00",
                "place": "Recovery College, Mill Lane",
                "accessible": True,
                "papers": 7,
                "agenda": True,
            },
            {
                "day": 7,
                "time": "14:00",
                "place": "Recovery College, Mill Lane",
                "accessible": True,
                "papers": 7,
                "agenda": True,
            },
        ],
        "checks": {},
    },
    {
        "title": "Moving the Eastside day service: consultation",
        "lead": "staff",
        "approach": "consultation_feedback",
        "decision_level": "service",
        "motives": ["moral_political", "instrumental"],
        "aims": ["service_organisational"],
        "status": "reviewed",
        "starts": -460,
        "ends": -370,
        "overview": (
            "The lease on the Eastside building ended, so the day service had to move. We "
            "consulted people who use it on where and how, and said clearly what was already "
            "decided."
        ),
        "frequency": "Three drop-in sessions and a survey",
        "session_length": "2 hours",
        "time_commitment": "As much as people wanted",
        "commitment_duration": "Three months",
        "agreement": {
            "purpose": "Hear what matters most in a new venue before we choose one.",
            "objectives": "Every regular visitor asked.\nA shortlist scored with their criteria.",
            "influence_level": "consulting",
            "can_influence": "Which of three shortlisted venues, transport, opening hours.",
            "cannot_influence": "That the service moves: the lease has ended.",
            "monitoring": "Number of people who took part; what we changed; a follow-up survey.",
        },
        "agreed": {
            "on": -465,
            "how": "Explained and agreed at the first drop-in.",
            "with": ["Gary W.", "Pat S.", "Jean F."],
        },
        "sessions": [
            {
                "day": -440,
                "time": "11:00",
                "place": "Eastside day centre",
                "accessible": True,
                "papers": 7,
                "agenda": False,
            },
            {
                "day": -420,
                "time": "11:00",
                "place": "Eastside day centre",
                "accessible": True,
                "papers": 10,
                "agenda": False,
            },
        ],
        "checks": {},
    },
    {
        "title": "Carers' forum",
        "lead": "staff",
        "approach": "consultation_feedback",
        "decision_level": "strategic",
        "motives": ["instrumental", "moral_political"],
        "aims": ["service_organisational", "collective_intrinsic"],
        "status": "running",
        "starts": -1000,
        "ends": None,
        "overview": (
            "Family carers meet with senior managers to discuss plans before decisions are "
            "made, and raise their own issues."
        ),
        "frequency": "Monthly",
        "session_length": "2 hours, evenings",
        "time_commitment": "2 hours a month",
        "commitment_duration": "Ongoing",
        "agreement": {
            "purpose": "Carers' views shape plans before they are decided.",
            "objectives": "Carers set half the agenda.\nManagers report back on what changed.",
            "influence_level": "consulting",
            "can_influence": "Plans brought to the forum, and the carers' strategy.",
            "cannot_influence": "Individual care decisions, which need the person's consent.",
            "monitoring": "Attendance; actions log reviewed every meeting.",
        },
        "agreed": {
            "on": -1005,
            "how": "Terms of reference agreed at the first meeting, reviewed yearly.",
            "with": ["Paula G.", "Pat S.", "Jean F.", "Hannah Cole"],
        },
        "sessions": [
            {
                "day": -28,
                "time": "18:30",
                "place": "Riverside House, room 1",
                "online_link": "https://meet.example/carers",
                "accessible": True,
                "papers": 8,
                "agenda": True,
            },
            {
                "day": 2,
                "time": "18:30",
                "place": "Riverside House, room 1",
                "online_link": "https://meet.example/carers",
                "accessible": True,
                "agenda": True,
            },
        ],
        "checks": {"expenses_policy": ("in_place", "Replacement care costs covered.")},
    },
    {
        "title": "Our involvement strategy 2026 to 2029",
        "lead": "org_admin",
        "approach": "co_production",
        "decision_level": "strategic",
        "motives": ["moral_political", "instrumental"],
        "aims": ["service_organisational", "collective_intrinsic"],
        "status": "draft",
        "starts": 45,
        "ends": 230,
        "overview": (
            "Write our next involvement strategy with people who use our services, including "
            "the groups we reach least."
        ),
        "frequency": "Monthly working group",
        "session_length": "3 hours",
        "time_commitment": "About 5 hours a month",
        "commitment_duration": "Six months",
        "agreement": {
            "purpose": "A strategy written with the people it is for, that we can be held to.",
        },
        "sessions": [],
        "checks": {},
    },
    {
        "title": "What we call people: agreeing our words",
        "lead": "org_admin",
        "approach": "collaboration",
        "decision_level": "strategic",
        "motives": ["moral_political"],
        "aims": ["collective_intrinsic"],
        "status": "completed",
        "starts": -180,
        "ends": -100,
        "overview": (
            "'Service user', 'patient', 'person with lived experience'? We agreed the words we "
            "use in our documents with the people they describe."
        ),
        "frequency": "Two workshops and an online poll",
        "session_length": "2 hours",
        "time_commitment": "4 hours",
        "commitment_duration": "Three months",
        "agreement": {
            "purpose": "Use words that people we work with choose for themselves.",
            "objectives": "A short language guide adopted trust-wide.",
            "influence_level": "consulting",
            "can_influence": "The words in our guide and documents.",
            "cannot_influence": "Terms fixed by law or NHS contracts.",
            "monitoring": "Poll results; documents updated.",
        },
        "agreed": {
            "on": -185,
            "how": "Agreed at the first workshop.",
            "with": ["Ife Adeyemi", "Dee Walsh", "Lena Brooks"],
        },
        "sessions": [
            {
                "day": -150,
                "time": "13:30",
                "place": "Learning Centre",
                "accessible": True,
                "papers": 14,
                "agenda": True,
            },
        ],
        "checks": {},
    },
    {
        "title": "Learning from complaints panel",
        "lead": "staff",
        "approach": "collaboration",
        "decision_level": "service",
        "motives": ["instrumental"],
        "aims": ["service_organisational"],
        "status": "agreed",
        "starts": 14,
        "ends": None,
        "overview": (
            "People with experience of our services read anonymised complaints each quarter, "
            "look for patterns and tell us what to fix first."
        ),
        "frequency": "Quarterly",
        "session_length": "3 hours",
        "time_commitment": "About 5 hours a quarter including reading",
        "commitment_duration": "12 months",
        "agreement": {
            "purpose": "Find the patterns in complaints that staff miss.",
            "objectives": "A top-three list of fixes each quarter.",
            "influence_level": "researching",
            "can_influence": "Which themes are investigated first.",
            "cannot_influence": "How individual complaints are resolved.",
            "monitoring": "Themes raised; whether fixes happened.",
        },
        "agreed": {
            "on": -20,
            "how": "Agreed at the induction session.",
            "with": ["Carl J.", "Pat S."],
        },
        "sessions": [
            {
                "day": 14,
                "time": "10:00",
                "place": "Riverside House, room 3",
                "accessible": True,
                "papers": 10,
                "agenda": True,
            },
        ],
        "checks": {"skills_audit": ("in_progress", "Confidentiality training booked.")},
    },
    {
        "title": "Ward food tasting panel",
        "lead": "staff",
        "approach": "co_design",
        "decision_level": "service",
        "motives": ["instrumental"],
        "aims": ["service_organisational"],
        "status": "agreed",
        "starts": 30,
        "ends": 120,
        "overview": "Patients and former patients taste and redesign the ward menu.",
        "frequency": "Three tasting sessions",
        "session_length": "90 minutes",
        "time_commitment": "4 and a half hours",
        "commitment_duration": "Three months",
        "agreement": {
            "purpose": "A ward menu people want to eat.",
            "objectives": "A new menu on all wards by the summer.",
            "influence_level": "consulting",
            "can_influence": "Dishes, portion sizes and choices.",
            "cannot_influence": "The catering contract and its cost per meal.",
            "monitoring": "Food waste; patients' rating of meals.",
        },
        "agreed": {
            "on": -7,
            "how": "Agreed by email and phone with each member.",
            "with": ["Jean F.", "Gary W."],
        },
        "sessions": [
            {
                "day": 30,
                "time": "12:00",
                "place": "Main kitchen, Riverside Hospital",
                "accessible": False,
            },
        ],
        "checks": {"access_audit": ("not_started", "")},
    },
    {
        "title": "Co-designing online appointment booking",
        "lead": None,
        "approach": "co_design",
        "decision_level": "service",
        "motives": ["instrumental"],
        "aims": ["service_organisational"],
        "status": "draft",
        "starts": 75,
        "ends": None,
        "overview": "Design the new online booking with people who will use it.",
        "frequency": "",
        "session_length": "",
        "time_commitment": "",
        "commitment_duration": "",
        "sessions": [],
        "checks": {},
    },
    {
        "title": "Two trustee places for people who use our services",
        "lead": "org_admin",
        "approach": "collaboration",
        "decision_level": "strategic",
        "motives": ["moral_political"],
        "aims": ["further_reaching_intrinsic", "service_organisational"],
        "status": "agreed",
        "starts": 60,
        "ends": None,
        "overview": (
            "Two places on the board of trustees are kept for people who use our services, "
            "with full voting rights and a mentor."
        ),
        "frequency": "Board meetings every two months",
        "session_length": "Half a day",
        "time_commitment": "About 2 days a month",
        "commitment_duration": "Three-year term",
        "agreement": {
            "purpose": "People who use services have a vote where the big decisions are made.",
            "objectives": "Two trustees appointed.\nA mentor for each.",
            "influence_level": "delegated_power",
            "can_influence": "Every board decision, with a full vote.",
            "cannot_influence": "Duties set by charity law, which apply to every trustee.",
            "monitoring": "Trustees' own review after a year.",
        },
        "agreed": {
            "on": -30,
            "how": "Agreed by the board and the Voices Council.",
            "with": ["Ife Adeyemi", "Lewis Grant"],
        },
        "sessions": [],
        "checks": {"role_descriptions": ("in_place", "Trustee role in Easy Read.")},
    },
    {
        "title": "Easy Read appointment letters",
        "lead": "staff",
        "approach": "co_design",
        "decision_level": "individual",
        "motives": ["instrumental"],
        "aims": ["extrinsic_individual"],
        "status": "reviewed",
        "starts": -400,
        "ends": -300,
        "overview": "We redesigned appointment letters with people with a learning disability.",
        "frequency": "Three workshops",
        "session_length": "2 hours",
        "time_commitment": "6 hours",
        "commitment_duration": "Three months",
        "agreement": {
            "purpose": "Letters people can read and act on.",
            "objectives": "New templates for all outpatient letters.",
            "influence_level": "participation",
            "can_influence": "Words, pictures and layout.",
            "cannot_influence": "Information the law says must be included.",
            "monitoring": "Missed appointments before and after.",
        },
        "agreed": {
            "on": -405,
            "how": "Agreed at the first workshop.",
            "with": ["Dee Walsh", "Kofi Mensah", "Marion B."],
        },
        "sessions": [
            {
                "day": -380,
                "time": "10:30",
                "place": "Learning Centre",
                "accessible": True,
                "papers": 7,
                "agenda": True,
            },
        ],
        "checks": {},
    },
    {
        "title": "Reviewing our policy panels",
        "lead": "org_admin",
        "approach": "consultation_feedback",
        "decision_level": "strategic",
        "motives": ["moral_political"],
        "aims": ["service_organisational"],
        "status": "reviewed",
        "starts": -720,
        "ends": -560,
        "overview": (
            "Our policy panels had become less representative of the people we serve. We "
            "consulted widely, then closed them and set up new ways to take part."
        ),
        "frequency": "Survey and four open meetings",
        "session_length": "2 hours",
        "time_commitment": "As much as people wanted",
        "commitment_duration": "Five months",
        "agreement": {
            "purpose": "Find better ways for a wider range of people to have a say on policy.",
            "objectives": "Hear from people we usually miss.",
            "influence_level": "consulting",
            "can_influence": "What replaces the panels.",
            "cannot_influence": "That policy is approved by the board.",
            "monitoring": "Who took part, compared with who uses our services.",
        },
        "agreed": {
            "on": -725,
            "how": "Agreed with the outgoing panel members.",
            "with": ["Pat S.", "Carl J."],
        },
        "sessions": [],
        "checks": {},
    },
    {
        "title": "Fix-rate: access problems on our sites",
        "lead": "staff",
        "approach": "consultation_feedback",
        "decision_level": "service",
        "motives": ["instrumental"],
        "aims": ["service_organisational"],
        "status": "completed",
        "starts": -240,
        "ends": -20,
        "overview": (
            "People reported access problems on our sites and we measured the share fixed to "
            "their satisfaction, as Integrity Action's Fix-Rate does."
        ),
        "frequency": "Any time; monthly review",
        "session_length": "",
        "time_commitment": "",
        "commitment_duration": "Seven months",
        "agreement": {
            "purpose": "Fix access problems and prove it to the people who reported them.",
            "objectives": "A fix-rate above 70%.",
            "influence_level": "researching",
            "can_influence": "Which problems are fixed first.",
            "cannot_influence": "Building work needing capital funding.",
            "monitoring": "The fix-rate each month.",
        },
        "agreed": {
            "on": -245,
            "how": "Agreed with the Survivor Network steering group.",
            "with": ["Lena Brooks", "Martin O."],
        },
        "sessions": [],
        "checks": {"terms_of_reference": ("not_needed", "")},
    },
    {
        "title": "Hearing Voices peer group",
        "lead": "staff",
        "approach": "user_led",
        "decision_level": "individual",
        "motives": ["intrinsic"],
        "aims": ["intrinsic_individual", "collective_intrinsic"],
        "status": "running",
        "starts": -800,
        "ends": None,
        "overview": "A peer support group run by and for people who hear voices.",
        "frequency": "Weekly",
        "session_length": "90 minutes",
        "time_commitment": "Drop in when you like",
        "commitment_duration": "Ongoing",
        "agreement": {
            "purpose": "Peer support on members' own terms.",
            "objectives": "The group runs itself, with a room and funding from us.",
            "influence_level": "empowerment",
            "can_influence": "Everything about how the group runs.",
            "cannot_influence": "Our safeguarding duties if someone is at risk.",
            "monitoring": "The group's own yearly review.",
        },
        "agreed": {
            "on": -805,
            "how": "Agreed by the group.",
            "with": ["Carl J.", "Sasha Novak"],
        },
        "sessions": [
            {
                "day": -2,
                "time": "17:00",
                "place": "The Hub, 4 Canal Street",
                "accessible": True,
                "agenda": True,
            },
        ],
        "checks": {
            "payment_policy": ("not_needed", "Peer group, not a paid role."),
            "role_descriptions": ("not_needed", ""),
        },
    },
    {
        "title": "Involvement fund: members decide the grants",
        "lead": "org_admin",
        "approach": "user_led",
        "decision_level": "strategic",
        "motives": ["moral_political", "intrinsic"],
        "aims": ["collective_intrinsic"],
        "status": "agreed",
        "starts": 40,
        "ends": 220,
        "overview": "A panel of members decides how £20,000 of community grants is spent.",
        "frequency": "Two decision meetings",
        "session_length": "Half a day",
        "time_commitment": "About 12 hours including reading bids",
        "commitment_duration": "Six months",
        "agreement": {
            "purpose": "People who use our services decide which community groups get funding.",
            "objectives": "All of the £20,000 awarded.",
            "influence_level": "delegated_power",
            "can_influence": "Who gets a grant and how much.",
            "cannot_influence": "The size of the fund; grants to groups that fail due diligence.",
            "monitoring": "Grants made; grantees' reports.",
        },
        "agreed": {
            "on": -3,
            "how": "Agreed by the panel online.",
            "with": ["Lena Brooks", "Nadia R."],
        },
        "sessions": [
            {
                "day": 95,
                "time": "10:00",
                "place": "Riverside House, room 1",
                "accessible": True,
                "agenda": True,
            },
        ],
        "checks": {},
    },
    {
        "title": "Experts by experience in staff induction",
        "lead": "staff",
        "approach": "co_production",
        "decision_level": "service",
        "motives": ["instrumental", "intrinsic"],
        "aims": ["service_organisational", "further_reaching_intrinsic"],
        "status": "reviewed",
        "starts": -650,
        "ends": -290,
        "overview": "Experts by experience co-write and co-teach the induction day for new staff.",
        "frequency": "Monthly induction day",
        "session_length": "A day",
        "time_commitment": "One day a month, paid",
        "commitment_duration": "12 months",
        "agreement": {
            "purpose": "New staff learn from people who use services from their first day.",
            "objectives": "Every induction day co-taught.",
            "influence_level": "participation",
            "can_influence": "Content and delivery of the day.",
            "cannot_influence": "Mandatory training content.",
            "monitoring": "New staff feedback; trainers' own review.",
        },
        "agreed": {
            "on": -655,
            "how": "Agreed at a planning session.",
            "with": ["Tom H.", "Ife Adeyemi"],
        },
        "sessions": [],
        "checks": {},
    },
    {
        "title": "Yearly co-production audit",
        "lead": "org_admin",
        "approach": "collaboration",
        "decision_level": "strategic",
        "motives": ["instrumental"],
        "aims": ["service_organisational"],
        "status": "draft",
        "starts": 90,
        "ends": 180,
        "overview": (
            "Map each service's involvement on a ladder with people who use it, using quality "
            "markers to see where practice needs to improve, as CommonRoom does."
        ),
        "frequency": "One visit per service",
        "session_length": "2 hours",
        "time_commitment": "About 10 hours over three months",
        "commitment_duration": "Three months",
        "agreement": {
            "purpose": "Know honestly how much influence people have in each service.",
            "objectives": "Every service audited.",
            "influence_level": "researching",
            "can_influence": "The audit questions and each service's score.",
            "cannot_influence": "What each service does next.",
            "monitoring": "Scores year on year.",
        },
        "sessions": [],
        "checks": {},
    },
    {
        "title": "Your rights on the ward: information sessions",
        "lead": "staff",
        "approach": "consultation_feedback",
        "decision_level": "individual",
        "motives": ["moral_political"],
        "aims": ["extrinsic_individual"],
        "status": "draft",
        "starts": 35,
        "ends": None,
        "overview": "Short sessions explaining people's rights while they are in hospital.",
        "frequency": "Weekly on each ward",
        "session_length": "30 minutes",
        "time_commitment": "",
        "commitment_duration": "Ongoing",
        "agreement": {
            "purpose": "People on our wards know their rights and how to use them.",
            "influence_level": "informing",
        },
        "sessions": [],
        "checks": {},
    },
]

NORTHGATE = [
    {
        "title": "Co-producing our homelessness strategy",
        "lead": "other_org_admin",
        "approach": "co_production",
        "decision_level": "strategic",
        "motives": ["moral_political", "instrumental"],
        "aims": ["service_organisational", "collective_intrinsic"],
        "status": "running",
        "starts": -220,
        "ends": 140,
        "overview": (
            "People with experience of homelessness write the council's homelessness and rough "
            "sleeping strategy with officers, starting from 100 published accounts of what "
            "homelessness is like. Inspired by the Mayday Trust's System Reset."
        ),
        "frequency": "Fortnightly working group",
        "session_length": "3 hours",
        "time_commitment": "About 8 hours a month, paid",
        "commitment_duration": "12 months",
        "agreement": {
            "purpose": "A strategy built on people's strengths, written with those it affects.",
            "objectives": "100 accounts gathered.\nA strategy co-written and adopted.",
            "influence_level": "participation",
            "can_influence": "The strategy's priorities, actions and the £400,000 prevention fund.",
            "cannot_influence": "The council's legal duties under the Housing Act.",
            "monitoring": "Accounts gathered; actions adopted; rough sleeping counts.",
        },
        "agreed": {
            "on": -225,
            "how": "Agreed at the first working group.",
            "with": ["Danny F.", "Michelle A.", "Stuart (pseudonym)"],
        },
        "changed": {
            "on": -9,
            "by": "other_org_admin",
            "terms": {
                "can_influence": (
                    "The strategy's priorities and actions. Recommendations on the prevention "
                    "fund, which cabinet will now decide."
                ),
            },
        },
        "sessions": [
            {
                "day": -18,
                "time": "13:00",
                "place": "Town Hall, committee room B",
                "accessible": True,
                "papers": 7,
                "agenda": True,
            },
            {
                "day": -4,
                "time": "13:00",
                "place": "Town Hall, committee room B",
                "accessible": True,
                "agenda": True,
            },
        ],
        "checks": {"payment_policy": ("in_place", "£20 an hour plus travel.")},
    },
    {
        "title": "Personalisation Expert Users Group",
        "lead": "other_org_staff",
        "approach": "co_production",
        "decision_level": "strategic",
        "motives": ["moral_political", "instrumental"],
        "aims": ["service_organisational"],
        "status": "agreed",
        "starts": 21,
        "ends": None,
        "overview": (
            "Experts by experience from local user-led organisations develop our policy on "
            "involvement and papers on brokerage. Like Hampshire's Expert Users Group."
        ),
        "frequency": "Monthly",
        "session_length": "2 hours",
        "time_commitment": "About 4 hours a month",
        "commitment_duration": "12 months",
        "agreement": {
            "purpose": "Policies on personalisation written equally with the people they affect.",
            "objectives": "A corporate involvement policy.\nA paper on brokerage.",
            "influence_level": "participation",
            "can_influence": "The content of both policies before cabinet.",
            "cannot_influence": "Cabinet's final decision.",
            "monitoring": "Policies adopted; members' review.",
        },
        "agreed": {
            "on": -5,
            "how": "Terms of reference written jointly with the user-led organisations.",
            "with": [NORTHGATE_MEMBER, "Bev T.", "Imran H."],
        },
        "sessions": [
            {
                "day": 21,
                "time": "10:00",
                "place": "Northgate Library",
                "accessible": True,
                "agenda": True,
            },
        ],
        "checks": {},
    },
    {
        "title": "Direct payments peer support network",
        "lead": "other_org_staff",
        "approach": "user_led",
        "decision_level": "individual",
        "motives": ["intrinsic", "moral_political"],
        "aims": ["extrinsic_individual", "collective_intrinsic"],
        "status": "completed",
        "starts": -400,
        "ends": -50,
        "overview": "People on direct payments help each other manage them.",
        "frequency": "Monthly",
        "session_length": "2 hours",
        "time_commitment": "2 hours a month",
        "commitment_duration": "One year",
        "agreement": {
            "purpose": "Peer support so people can use direct payments with confidence.",
            "objectives": "A network of 30 members.",
            "influence_level": "delegated_power",
            "can_influence": "How their own direct payments are used.",
            "cannot_influence": "The amount of each payment.",
            "monitoring": "Members' confidence survey.",
        },
        "agreed": {"on": -405, "how": "Agreed by the members.", "with": ["Bev T.", "Ollie P."]},
        "sessions": [],
        "checks": {},
    },
    {
        "title": "Tenants' repairs text survey",
        "lead": "other_org_staff",
        "approach": "consultation_feedback",
        "decision_level": "service",
        "motives": ["instrumental"],
        "aims": ["service_organisational"],
        "status": "running",
        "starts": -90,
        "ends": None,
        "overview": "A text after every repair asking if it was fixed properly.",
        "frequency": "After every repair",
        "session_length": "",
        "time_commitment": "",
        "commitment_duration": "Ongoing",
        "agreement": {
            "purpose": "Fix repairs properly the first time.",
            "objectives": "Follow up every 'not fixed' reply within two days.",
            "influence_level": "researching",
            "can_influence": "Which contractor practices are challenged.",
            "cannot_influence": "The repairs contract itself until 2028.",
            "monitoring": "Share of repairs fixed first time.",
        },
        "agreed": {
            "on": -95,
            "how": "Questions agreed with the tenants' association.",
            "with": ["Michelle A."],
        },
        "sessions": [],
        "checks": {},
    },
    {
        "title": "Recruiting social care staff with people who use services",
        "lead": "other_org_admin",
        "approach": "collaboration",
        "decision_level": "service",
        "motives": ["instrumental"],
        "aims": ["service_organisational"],
        "status": "draft",
        "starts": 60,
        "ends": None,
        "overview": "People who use social care sit on interview panels for social workers.",
        "frequency": "",
        "session_length": "",
        "time_commitment": "",
        "commitment_duration": "",
        "sessions": [],
        "checks": {},
    },
    {
        "title": "Adult social care charges explained",
        "lead": "other_org_staff",
        "approach": "consultation_feedback",
        "decision_level": "individual",
        "motives": ["moral_political"],
        "aims": ["extrinsic_individual"],
        "status": "reviewed",
        "starts": -300,
        "ends": -200,
        "overview": "Sessions and a leaflet explaining the new charging policy.",
        "frequency": "Four sessions",
        "session_length": "1 hour",
        "time_commitment": "",
        "commitment_duration": "",
        "agreement": {
            "purpose": "Everyone affected understands the new charges and how to appeal.",
            "objectives": "Leaflet in five languages.",
            "influence_level": "informing",
            "can_influence": "How the leaflet explains things.",
            "cannot_influence": "The charges, which cabinet has set.",
            "monitoring": "Questions asked; appeals made.",
        },
        "agreed": {
            "on": -305,
            "how": "Leaflet checked with the carers' group.",
            "with": ["Ollie P."],
        },
        "sessions": [
            {
                "day": -260,
                "time": "14:00",
                "place": "Northgate Library",
                "accessible": True,
                "papers": 7,
            },
        ],
        "checks": {},
    },
]

# --- the people involved ------------------------------------------------------------------------
# (name or pseudonym, best way to contact, how to reach them that way, formats they prefer,
#  access needs, wants to be paid: True, False or None for "not asked yet").
# Email addresses use example domains; phone numbers are Ofcom's drama range (07700 900xxx).

BRIGHTWATER_PEOPLE = [
    ("Jordan Reid", "email", "jordan.reid@example.org", ["easy_read"], ["support_worker"], True),
    ("Dee Walsh", "post", "Flat 2, 14 Mill Lane, BW1 4QT", ["easy_read"], ["step_free"], True),
    ("Kofi Mensah", "sms", "07700 900101", ["easy_read"], [], True),
    ("Marion B.", "phone", "07700 900102", ["easy_read", "audio"], ["support_worker"], True),
    ("Lewis Grant", "email", "lewis.grant@example.org", ["easy_read"], ["breaks"], True),
    ("Bernie T.", "post", "23 Oak Road, BW2 7LP", ["large_print"], ["hearing_loop"], None),
    ("Sasha Novak", "email", "sasha.n@example.net", ["papers_in_advance"], ["quiet_room"], False),
    ("Aisha K.", "sms", "07700 900103", [], [], True),
    ("Tyler M.", "sms", "07700 900104", [], ["breaks"], True),
    ("Ren", "email", "ren.speaks@example.net", [], ["quiet_room"], None),
    ("Chloe D.", "sms", "07700 900105", [], [], None),
    ("Sam O.", "sms", "07700 900106", ["easy_read"], ["support_worker"], True),
    ("Hannah Cole", "email", "hannah.cole@example.org", ["papers_in_advance"], [], True),
    ("Ray P.", "phone", "07700 900107", ["large_print"], ["step_free"], False),
    ("Lena Brooks", "email", "lena.brooks@example.org", ["papers_in_advance"], [], True),
    ("Martin O.", "email", "martin.o@example.net", ["audio"], ["screen_reader"], True),
    ("Ife Adeyemi", "email", "ife.adeyemi@example.org", [], [], True),
    ("Tom H.", "phone", "07700 900108", [], ["step_free"], False),
    ("Paula G.", "phone", "07700 900109", ["large_print"], ["hearing_loop"], False),
    ("Gary W.", "post", "7 Station Terrace, BW5 2DF", ["large_print"], ["step_free"], None),
    ("Nadia R.", "sms", "07700 900110", ["bsl"], ["bsl_interpreter"], True),
    ("Carl J.", "", "", [], [], False),
    ("Pat S.", "post", "Rose Cottage, Low Lane, BW3 9HA", ["large_print"], ["hearing_loop"], False),
    ("Jean F.", "phone", "07700 900111", ["large_print"], ["step_free", "breaks"], None),
    ("Priya Desai", "email", "priya.desai@example.com", [], [], None),
    ("Mo Hassan", "sms", "07700 900112", [], ["breaks"], True),
    ("Eileen Doherty", "post", "41 Canal Street, BW1 2RS", ["large_print"], ["step_free"], False),
    ("Joe (pseudonym)", "", "", [], ["quiet_room"], None),
    ("Femi Ade", "email", "femi.ade@example.org", [], [], True),
    ("Rosa Lima", "sms", "07700 900113", [], [], None),
    ("Gwen Price", "email", "gwen.price@example.com", ["bsl"], ["bsl_interpreter"], True),
    ("Danielle K.", "phone", "07700 900114", ["easy_read"], ["support_worker", "breaks"], True),
    ("Tunde Bello", "sms", "07700 900115", ["easy_read"], [], True),
    ("Maggie Shaw", "post", "12 Elm Grove, BW4 6JN", ["large_print"], ["hearing_loop"], None),
    ("Stan W.", "phone", "07700 900116", ["large_print", "audio"], ["step_free"], False),
    ("Yusuf Ali", "email", "yusuf.ali@example.net", [], [], True),
    ("Beth Carter", "email", "beth.carter@example.org", [], [], None),
    ("Kieran Walsh", "sms", "07700 900117", ["easy_read"], ["support_worker"], True),
    ("Zara M.", "sms", "07700 900118", [], [], None),
    ("Phil Evans", "email", "phil.evans@example.com", ["papers_in_advance"], ["step_free"], True),
]

NORTHGATE_PEOPLE = [
    (NORTHGATE_MEMBER, "email", "alex.kerr@example.org", [], ["step_free"], True),
    ("Bev T.", "phone", "07700 900201", ["large_print"], [], True),
    ("Danny F.", "sms", "07700 900202", [], [], True),
    ("Imran H.", "email", "imran.h@example.net", ["papers_in_advance"], ["screen_reader"], True),
    ("Michelle A.", "post", "Flat 9, Tower Court, NG3 1AB", ["easy_read"], [], None),
    ("Ollie P.", "phone", "07700 900203", ["audio"], ["breaks"], False),
    ("Stuart (pseudonym)", "", "", [], ["quiet_room"], None),
]

# Anything else they need, in their words.
ACCESS_NOTES = {
    "Dee Walsh": "Reads the papers through with her support worker first. Sits near the door.",
    "Marion B.": "Comes with her support worker, Jo, whose time we pay for separately.",
    "Martin O.": "Uses a screen reader: Word documents, not scanned PDFs.",
    "Nadia R.": "BSL interpreter booked two weeks ahead; seat where she can see them.",
    "Carl J.": "Contact through the Hearing Voices group facilitator only.",
    "Joe (pseudonym)": "Not to be photographed or named in minutes.",
    "Gwen Price": "Deaf; uses BSL. Texts or emails, no phone calls.",
    "Phil Evans": "Wheelchair user: an accessible toilet and parking close by.",
    "Stuart (pseudonym)": "Prefers to meet somewhere other than council offices.",
}

# Who takes part in each activity: (name, role, "invited" or "volunteered"[, joined[, left]]).
# `joined` and `left` count days from the activity's start. By default people join on its first
# day and, once it has finished, leave on its last. Drafts have nobody yet.
BRIGHTWATER_INVOLVEMENTS = {
    "Voices Council": [
        (BRIGHTWATER_MEMBER, "co_chair", "invited"),
        ("Dee Walsh", "co_chair", "volunteered"),
        ("Kofi Mensah", "representative", "invited"),
        ("Marion B.", "representative", "invited"),
        ("Lewis Grant", "participant", "volunteered"),
        ("Bernie T.", "participant", "invited", 0, 420),
        ("Priya Desai", "participant", "volunteered", 300),
        ("Tunde Bello", "participant", "invited", 300),
        ("Danielle K.", "participant", "invited", 450),
        ("Beth Carter", "participant", "volunteered", 540),
        ("Kieran Walsh", "participant", "invited", 540),
    ],
    "Quality Checkers": [
        ("Kofi Mensah", "lead", "invited"),
        (BRIGHTWATER_MEMBER, "peer_researcher", "invited"),
        ("Sasha Novak", "peer_researcher", "volunteered"),
        ("Bernie T.", "peer_researcher", "invited", 0, 300),
        ("Marion B.", "peer_researcher", "volunteered", 100),
        ("Danielle K.", "peer_researcher", "invited", 200),
        ("Tunde Bello", "co_facilitator", "invited", 250),
    ],
    "Youth Voice: a member-led activity programme": [
        ("Aisha K.", "co_chair", "volunteered"),
        ("Tyler M.", "co_chair", "volunteered"),
        ("Ren", "participant", "volunteered"),
        ("Chloe D.", "participant", "invited"),
        ("Sam O.", "participant", "volunteered"),
        ("Zara M.", "representative", "volunteered", 60),
    ],
    "Two-minute text: feedback after every appointment": [
        ("Dee Walsh", "representative", "invited"),
        ("Hannah Cole", "representative", "invited"),
        ("Ray P.", "participant", "volunteered"),
    ],
    "Brightwater Survivor Network": [
        ("Lena Brooks", "lead", "volunteered"),
        ("Martin O.", "co_facilitator", "volunteered"),
        ("Ife Adeyemi", "co_facilitator", "volunteered"),
        ("Sasha Novak", "participant", "volunteered"),
        ("Mo Hassan", "participant", "volunteered", 500),
        ("Yusuf Ali", "participant", "volunteered", 700),
        ("Rosa Lima", "participant", "invited", 820),
    ],
    "Experts by Experience Shadow Board": [
        ("Ife Adeyemi", "co_chair", "invited"),
        ("Hannah Cole", "co_chair", "invited"),
        ("Lewis Grant", "representative", "invited"),
        ("Martin O.", "representative", "invited"),
        ("Phil Evans", "representative", "volunteered"),
        ("Gwen Price", "representative", "volunteered", 120),
        ("Mo Hassan", "representative", "invited", 0, 200),
    ],
    "Peer research: leaving hospital": [
        ("Lena Brooks", "lead", "invited"),
        (BRIGHTWATER_MEMBER, "peer_researcher", "invited"),
        ("Ray P.", "peer_researcher", "volunteered"),
        ("Tom H.", "peer_researcher", "invited", 0, 150),
        ("Yusuf Ali", "peer_researcher", "volunteered", 100),
    ],
    "Recruitment panels with people who use services": [
        (BRIGHTWATER_MEMBER, "representative", "invited"),
        ("Hannah Cole", "representative", "invited"),
        ("Bernie T.", "representative", "volunteered"),
        ("Beth Carter", "representative", "volunteered", 100),
    ],
    "Redesigning the mental health front door": [
        ("Hannah Cole", "co_chair", "invited"),
        ("Martin O.", "participant", "volunteered"),
        ("Paula G.", "participant", "invited"),
        ("Ray P.", "participant", "volunteered"),
        ("Mo Hassan", "participant", "invited"),
        ("Joe (pseudonym)", "participant", "volunteered", 0, 120),
        ("Rosa Lima", "participant", "invited"),
        ("Phil Evans", "participant", "volunteered"),
        ("Gwen Price", "peer_researcher", "invited"),
    ],
    "Patient-reported experience survey 2025": [
        ("Paula G.", "representative", "invited"),
        ("Dee Walsh", "representative", "invited"),
    ],
    "Easy Read newsletter: what's changing": [
        ("Dee Walsh", "co_facilitator", "volunteered"),
        ("Lewis Grant", "co_facilitator", "volunteered"),
        ("Marion B.", "participant", "invited"),
        ("Danielle K.", "participant", "invited", 30),
    ],
    "Personal budgets: You Can": [
        ("Tom H.", "lead", "invited"),
        ("Gary W.", "participant", "volunteered"),
        ("Nadia R.", "participant", "volunteered"),
        ("Eileen Doherty", "participant", "invited"),
        ("Stan W.", "participant", "invited", 0, 200),
    ],
    "My care plan, in my words": [
        ("Nadia R.", "co_chair", "invited"),
        ("Martin O.", "representative", "invited"),
        ("Maggie Shaw", "participant", "volunteered"),
    ],
    "Recovery College: courses led by peer tutors": [
        ("Lena Brooks", "lead", "invited"),
        ("Ife Adeyemi", "co_facilitator", "invited"),
        ("Carl J.", "co_facilitator", "volunteered"),
        ("Femi Ade", "co_facilitator", "volunteered", 350),
        ("Gwen Price", "co_facilitator", "invited", 400),
        ("Rosa Lima", "participant", "volunteered", 600),
        ("Yusuf Ali", "participant", "volunteered", 650),
    ],
    "Moving the Eastside day service: consultation": [
        ("Gary W.", "representative", "invited"),
        ("Pat S.", "participant", "invited"),
        ("Jean F.", "participant", "invited"),
        ("Eileen Doherty", "participant", "invited"),
        ("Stan W.", "participant", "volunteered"),
        ("Maggie Shaw", "participant", "invited"),
        ("Tunde Bello", "participant", "invited"),
        ("Beth Carter", "participant", "volunteered"),
    ],
    "Carers' forum": [
        ("Paula G.", "co_chair", "volunteered"),
        ("Pat S.", "co_chair", "volunteered"),
        ("Jean F.", "participant", "volunteered"),
        ("Hannah Cole", "representative", "invited"),
        ("Eileen Doherty", "participant", "volunteered"),
        ("Maggie Shaw", "participant", "volunteered"),
        ("Stan W.", "participant", "volunteered"),
        ("Gwen Price", "participant", "volunteered", 600),
        ("Phil Evans", "participant", "invited", 700),
        ("Priya Desai", "participant", "volunteered", 850),
        ("Kieran Walsh", "participant", "invited", 850, 900),
        ("Beth Carter", "participant", "volunteered", 950),
    ],
    "What we call people: agreeing our words": [
        ("Ife Adeyemi", "co_facilitator", "invited"),
        ("Dee Walsh", "participant", "volunteered"),
        ("Lena Brooks", "participant", "volunteered"),
        ("Tyler M.", "participant", "volunteered"),
        ("Joe (pseudonym)", "participant", "volunteered"),
    ],
    "Learning from complaints panel": [
        ("Carl J.", "representative", "invited"),
        ("Pat S.", "representative", "invited"),
    ],
    "Ward food tasting panel": [
        ("Jean F.", "participant", "volunteered"),
        ("Gary W.", "participant", "volunteered"),
        ("Mo Hassan", "participant", "invited"),
    ],
    "Two trustee places for people who use our services": [
        ("Ife Adeyemi", "representative", "invited"),
        ("Lewis Grant", "representative", "invited"),
    ],
    "Easy Read appointment letters": [
        ("Dee Walsh", "peer_researcher", "invited"),
        ("Kofi Mensah", "peer_researcher", "invited"),
        ("Marion B.", "peer_researcher", "invited"),
        ("Tunde Bello", "participant", "volunteered"),
    ],
    "Reviewing our policy panels": [
        ("Pat S.", "representative", "invited"),
        ("Carl J.", "representative", "invited"),
    ],
    "Fix-rate: access problems on our sites": [
        ("Lena Brooks", "peer_researcher", "volunteered"),
        ("Martin O.", "peer_researcher", "volunteered"),
        ("Phil Evans", "peer_researcher", "invited"),
    ],
    "Hearing Voices peer group": [
        ("Carl J.", "co_facilitator", "volunteered"),
        ("Sasha Novak", "co_facilitator", "volunteered"),
        ("Joe (pseudonym)", "participant", "volunteered"),
        ("Rosa Lima", "participant", "volunteered", 500),
        ("Yusuf Ali", "participant", "volunteered", 600),
    ],
    "Involvement fund: members decide the grants": [
        ("Lena Brooks", "co_chair", "invited"),
        ("Nadia R.", "co_chair", "invited"),
        ("Femi Ade", "participant", "volunteered"),
        ("Priya Desai", "participant", "volunteered"),
        ("Zara M.", "participant", "volunteered"),
    ],
    "Experts by experience in staff induction": [
        ("Tom H.", "lead", "invited"),
        ("Ife Adeyemi", "co_facilitator", "invited"),
        ("Femi Ade", "co_facilitator", "volunteered", 180),
    ],
}

NORTHGATE_INVOLVEMENTS = {
    "Co-producing our homelessness strategy": [
        ("Danny F.", "co_chair", "invited"),
        ("Michelle A.", "representative", "volunteered"),
        ("Stuart (pseudonym)", "peer_researcher", "volunteered"),
        ("Imran H.", "peer_researcher", "invited", 60),
    ],
    "Personalisation Expert Users Group": [
        (NORTHGATE_MEMBER, "co_chair", "invited"),
        ("Bev T.", "representative", "invited"),
        ("Imran H.", "representative", "invited"),
    ],
    "Direct payments peer support network": [
        ("Bev T.", "lead", "volunteered"),
        ("Ollie P.", "co_facilitator", "volunteered"),
        (NORTHGATE_MEMBER, "participant", "volunteered", 90),
    ],
    "Tenants' repairs text survey": [("Michelle A.", "representative", "invited")],
    "Adult social care charges explained": [
        ("Ollie P.", "participant", "invited"),
        ("Danny F.", "participant", "invited"),
    ],
}

# Who missed a past session, by (activity, the session's `day`): everyone else involved on the
# day attended.
BRIGHTWATER_ABSENCES = {
    ("Voices Council", -57): {"Kofi Mensah": "apologies", "Beth Carter": "absent"},
    ("Voices Council", -3): {"Priya Desai": "apologies"},
    ("Quality Checkers", -12): {"Sasha Novak": "apologies"},
    ("Youth Voice: a member-led activity programme", -30): {
        "Ren": "absent",
        "Chloe D.": "apologies",
    },
    ("Brightwater Survivor Network", -20): {"Yusuf Ali": "apologies"},
    ("Experts by Experience Shadow Board", -75): {"Phil Evans": "apologies"},
    ("Peer research: leaving hospital", -120): {"Ray P.": "apologies"},
    ("Redesigning the mental health front door", -200): {
        "Joe (pseudonym)": "absent",
        "Rosa Lima": "apologies",
    },
    ("Redesigning the mental health front door", -140): {"Mo Hassan": "apologies"},
    ("Moving the Eastside day service: consultation", -420): {"Tunde Bello": "absent"},
    ("Carers' forum", -28): {
        "Stan W.": "apologies",
        "Eileen Doherty": "apologies",
        "Phil Evans": "absent",
    },
    ("Hearing Voices peer group", -2): {"Joe (pseudonym)": "apologies"},
}

NORTHGATE_ABSENCES = {
    ("Co-producing our homelessness strategy", -4): {"Stuart (pseudonym)": "apologies"},
}

# What people told us "about you" at the end of their feedback, with consent: (age band,
# gender, ethnic group, disability); "" is a question skipped. About 7 in 10 people answered.
# The mix leaves some groups (people over 75, Asian people) missing, so the demo has something
# to say on "Who is involved".
# The wording people tick on the feedback form (quality.forms.CONSENT_WORDING), as it read.
ABOUT_YOU_CONSENT = (
    "I agree that {organisation} can keep my answers about me, to check that the people "
    "they involve are like the people they serve. Only a few staff can see them. They are "
    "only shared as totals, and small numbers are hidden. I can ask for them to be deleted "
    "at any time."
)

BRIGHTWATER_ABOUT_YOU = {
    BRIGHTWATER_MEMBER: ("25_34", "man", "white", "yes"),
    "Dee Walsh": ("45_54", "woman", "white", "yes"),
    "Kofi Mensah": ("25_34", "man", "black", "yes"),
    "Marion B.": ("55_64", "woman", "white", "yes"),
    "Lewis Grant": ("18_24", "man", "white", "yes"),
    "Bernie T.": ("65_74", "prefer_not", "white", "yes"),
    "Sasha Novak": ("35_44", "non_binary", "white", "prefer_not"),
    "Aisha K.": ("18_24", "woman", "black", "no"),
    "Tyler M.": ("18_24", "man", "mixed", "no"),
    "Ren": ("25_34", "another", "prefer_not", "yes"),
    "Chloe D.": ("18_24", "woman", "white", ""),
    "Hannah Cole": ("35_44", "woman", "white", "no"),
    "Ray P.": ("65_74", "man", "white", "yes"),
    "Lena Brooks": ("45_54", "woman", "white", "no"),
    "Martin O.": ("55_64", "man", "white", "yes"),
    "Ife Adeyemi": ("35_44", "woman", "black", "no"),
    "Paula G.": ("55_64", "woman", "white", "yes"),
    "Nadia R.": ("25_34", "woman", "asian", "yes"),
    "Pat S.": ("prefer_not", "woman", "white", "yes"),
    "Priya Desai": ("35_44", "woman", "", "no"),
    "Mo Hassan": ("25_34", "man", "other", "no"),
    "Femi Ade": ("45_54", "man", "black", "no"),
    "Rosa Lima": ("35_44", "woman", "mixed", "prefer_not"),
    "Gwen Price": ("45_54", "woman", "white", "yes"),
    "Tunde Bello": ("18_24", "man", "black", "yes"),
    "Yusuf Ali": ("25_34", "man", "prefer_not", "no"),
    "Beth Carter": ("25_34", "woman", "white", "no"),
    "Phil Evans": ("55_64", "man", "white", "yes"),
}

NORTHGATE_ABOUT_YOU = {
    NORTHGATE_MEMBER: ("35_44", "man", "white", "yes"),
    "Bev T.": ("55_64", "woman", "white", "no"),
    "Imran H.": ("25_34", "man", "asian", "yes"),
    "Michelle A.": ("45_54", "woman", "black", "prefer_not"),
    "Ollie P.": ("18_24", "man", "white", ""),
}

# Who Brightwater's services serve, percent of people in each group (its own records).
BRIGHTWATER_POPULATION = {
    "age_band": {
        "under_18": 2,
        "18_24": 8,
        "25_34": 13,
        "35_44": 13,
        "45_54": 14,
        "55_64": 16,
        "65_74": 16,
        "75_plus": 18,
    },
    "gender": {"woman": 54, "man": 45, "non_binary": 0.5, "another": 0.5},
    "ethnicity": {"asian": 11, "black": 5, "mixed": 3, "white": 79, "other": 2},
    "disability": {"yes": 34, "no": 66},
}
