"""One settings file, driven by environment variables (see docs/operations.md).

Development defaults: SQLite, eager Celery, console e-mail. `DJANGO_ENV=production` turns on
every deploy check and refuses to start without a real secret key.
"""

import os
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


PRODUCTION = os.environ.get("DJANGO_ENV", "development") == "production"
DEBUG = env_bool("DEBUG", not PRODUCTION)
TESTING = env_bool("TESTING", False)

if PRODUCTION:
    SECRET_KEY = os.environ["SECRET_KEY"]
else:
    SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
SITE_NAME = "Involvement"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "csp",
    "crispy_forms",
    "crispy_forms_gds",
    "django_filters",
    "axes",
    "django_ratelimit",
    "involvement",
    "activities",
    "quality",
    "outcomes",
    "reports",
    "participant",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "involvement.middleware.IgnoreNullCharactersMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "involvement.middleware.SessionTimeoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "involvement.middleware.OrganisationMiddleware",
    "involvement.middleware.PrivatePagesMiddleware",
    # Axes last, as its documentation asks, so it sees the final response of a login attempt.
    "axes.middleware.AxesMiddleware",
]

if PRODUCTION:
    # Serves the collectstatic output; development and tests use Django's own static serving.
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "involvement.urls"
WSGI_APPLICATION = "involvement.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "involvement.context_processors.organisation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "involvement.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # Not mostly the service's or the organisation's name (the rule is in its docstring).
    {"NAME": "involvement.passwords.ContextWordsValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Login lock-out: username + IP together, with a cool-off; never a permanent lock.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "0.25"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_ENABLED = env_bool("AXES_ENABLED", True)
# The client's own address behind a proxy (django-ipware reads these). Left at REMOTE_ADDR
# behind a proxy, everyone shares the proxy's address: one person's failures would lock an
# account for everyone and use up everyone's guesses at links.
AXES_IPWARE_META_PRECEDENCE_ORDER = tuple(
    env_list("AXES_IPWARE_META_PRECEDENCE_ORDER", "REMOTE_ADDR")
)
AXES_IPWARE_PROXY_ORDER = os.environ.get("AXES_IPWARE_PROXY_ORDER", "left-most")
AXES_IPWARE_PROXY_COUNT = int(os.environ.get("AXES_IPWARE_PROXY_COUNT") or 0) or None
AXES_IPWARE_PROXY_TRUSTED_IPS = tuple(env_list("AXES_IPWARE_PROXY_TRUSTED_IPS")) or None
# django-ratelimit (the limit on guessed links) finds the address through axes, the same way.
RATELIMIT_IP_META_KEY = "axes.helpers.get_client_ip_address"

LANGUAGE_CODE = "en-gb"
LANGUAGES = [("en-gb", _("English")), ("cy", _("Welsh"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
# The report fonts (16 MB) gain nothing from compression and took collectstatic from 11 s to
# 155 s; the other defaults stay.
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = [
    "jpg",
    "jpeg",
    "png",
    "gif",
    "webp",
    "zip",
    "gz",
    "tgz",
    "bz2",
    "tbz",
    "xz",
    "br",
    "swf",
    "flv",
    "woff",
    "woff2",
    "3gp",
    "3gpp",
    "asf",
    "avi",
    "m4v",
    "mov",
    "mp4",
    "mpeg",
    "mpg",
    "webm",
    "wmv",
    "ttf",
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Manifest storage needs collectstatic; development and tests serve files as they are.
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"
# Give Django's date, date-time, URL and number widgets GOV.UK's input class, as the pack does
# for text inputs.
CRISPY_CLASS_CONVERTERS = {
    "dateinput": "govuk-input govuk-input--width-10",
    "datetimeinput": "govuk-input govuk-input--width-20",
    "urlinput": "govuk-input",
    "numberinput": "govuk-input govuk-input--width-5",
}

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(BASE_DIR / "sent_emails"))
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Involvement <noreply@localhost>")

# Celery: tasks run in-process when no broker is configured, so `make demo` needs no Redis.
REDIS_URL = os.environ.get("REDIS_URL", "")
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 10 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 9 * 60
# Visibility timeout above the hard time limit, so a long job is not handed to a second worker.
# With Redis down a request must not hang: a 2-second connect, a 5-second wait for a reply
# (kombu waits forever by default, and its reads poll every second, well inside that), and
# one retry; then the job goes to the outbox (involvement/jobs.py).
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": 60 * 60,
    "socket_connect_timeout": 2,
    "socket_timeout": 5,
}
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.2,
}
CELERY_WORKER_MAX_TASKS_PER_CHILD = 50
# What beat (`make beat`, exactly one) starts: quarterly reports each morning (made once per
# quarter), a sweep for report jobs that were lost, and one for jobs the broker refused.
CELERY_BEAT_SCHEDULE = {
    "send-unsent-jobs": {
        "task": "involvement.tasks.send_unsent_jobs",
        "schedule": 60,
    },
    "quarterly-reports": {
        "task": "reports.tasks.make_quarterly_reports",
        "schedule": crontab(hour=6, minute=0),
    },
    "sweep-stuck-reports": {
        "task": "reports.tasks.sweep_stuck_reports",
        "schedule": 5 * 60,
    },
    "clear-expired-sessions": {
        "task": "involvement.tasks.clear_expired_sessions",
        "schedule": crontab(hour=3, minute=30),
    },
}

# Content-Security-Policy (django-csp), so one missed escape is not a compromise: scripts and
# styles only from our own static files, or inline with this response's nonce; no plugins,
# no <base>, no framing. Images may be `data:` (the logo, redrawn as a PNG by us).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
    }
}

# A signed-in session ends after this long without a request (warned two minutes before),
# and in any case this long after signing in (involvement/sessions.py).
SESSION_IDLE_MINUTES = int(os.environ.get("SESSION_IDLE_MINUTES", "30"))
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_MAX_DAYS", "14")) * 24 * 60 * 60
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact_links": {"()": "involvement.logging.RedactLinkTokens"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "weasyprint.progress": {"level": "WARNING"},
        # These log request paths, which for a personal or invitation link hold its token.
        "django.request": {"filters": ["redact_links"]},
        # Django's own config stops this one propagating; it keeps a handler of ours.
        "django.server": {"filters": ["redact_links"], "handlers": ["console"], "propagate": False},
        "django.security": {"filters": ["redact_links"]},
        "django.security.csrf": {"filters": ["redact_links"]},
        # Axes logs every sign-in at INFO; lock-outs are still logged at WARNING.
        "axes": {"level": "WARNING"},
    },
}

PAGINATE_BY = 25

# Personal feedback links: how long one works, and how many bad links one IP address may try.
FEEDBACK_LINK_DAYS = int(os.environ.get("FEEDBACK_LINK_DAYS", "60"))
FEEDBACK_LINK_GUESSES = os.environ.get("FEEDBACK_LINK_GUESSES", "20/h")
# How many invitation links that open nothing one IP address may try.
INVITATION_LINK_GUESSES = os.environ.get("INVITATION_LINK_GUESSES", "20/h")
# When people are told they will hear what was done with their feedback.
FEEDBACK_REPLY_WEEKS = int(os.environ.get("FEEDBACK_REPLY_WEEKS", "8"))
# Keeps what a person typed on a feedback page when their CSRF token has changed.
CSRF_FAILURE_VIEW = "involvement.views.csrf_failure"

# A shared cache (Redis) when there is one, so rate limits hold across web processes.
CACHES = {
    "default": {
        # Redis down is an empty cache, not an error (involvement/redis_cache.py); short
        # timeouts, so a request does not hang on a Redis that does not answer.
        "BACKEND": "involvement.redis_cache.OutageTolerantRedisCache",
        "LOCATION": REDIS_URL,
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
    }
    if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}
# django-ratelimit's list of supported caches predates Django's own RedisCache, whose
# increments are atomic (Redis INCR), which is all the rate limit needs.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"]
# With the cache unreachable, the guess limit lets requests through rather than refusing
# everyone (involvement/redis_cache.py).
RATELIMIT_FAIL_OPEN = True
if not REDIS_URL:
    # One process in development: a per-process cache counts correctly there.
    SILENCED_SYSTEM_CHECKS.append("django_ratelimit.E003")
AXES_VERBOSE = False
