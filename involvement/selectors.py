from django.conf import settings
from django.contrib.auth import get_user_model

from .models import Invitation
from .tokens import token_hash


def invitation_for_token(token: str) -> Invitation | None:
    """The invitation a link opens, used or not (its page says which), or None."""
    return Invitation.objects.filter(token_hash=token_hash(token)).first()


def user_exists(email: str) -> bool:
    return get_user_model().objects.filter(email__iexact=email).exists()


def service_health(connection) -> dict[str, bool]:
    """Whether the database and, when configured, the Celery broker answer."""
    checks = {"database": _database_ok(connection)}
    if settings.REDIS_URL:
        checks["broker"] = _broker_ok(settings.REDIS_URL)
    return checks


def _database_ok(connection) -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:  # noqa: BLE001 - any failure means "down"
        return False


def _broker_ok(url: str) -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2).ping())
    except redis.RedisError:
        return False
