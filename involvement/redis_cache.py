"""The shared cache on Redis, made to survive Redis being down.

Redis is also the broker, so an outage takes the cache with it. Django's RedisCache raises on
every call then, and the cache is on the path of ordinary writes (saving feedback replaces a
figures version, `involvement/figures_cache.py`) and of the personal links (the guess limit):
a person's answers would fail to save, or fail after they were committed. Here a cache that
cannot be reached behaves as an empty one: reads miss (figures are worked out from the
database), writes are dropped, and `incr` raises ValueError, which django-ratelimit reads as
"no count" and, with RATELIMIT_FAIL_OPEN, lets the request through (the 192-bit tokens, not
the limit, keep links safe).

After an outage, figures cached before it may be served until they expire (15 minutes),
because a version replaced during it was dropped.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)
# One warning a minute per process, not one per request.
WARN_EVERY = 60


class OutageTolerantRedisCache(RedisCache):
    """Django's RedisCache, with an unreachable Redis treated as an empty cache."""

    _warned_at = 0.0

    def _unreachable(self, error: Exception) -> None:
        now = time.monotonic()
        if now - OutageTolerantRedisCache._warned_at > WARN_EVERY:
            OutageTolerantRedisCache._warned_at = now
            logger.warning("The cache (Redis) cannot be reached; working without it: %s", error)

    def _call(self, method, fallback, *args, **kwargs):
        try:
            return method(*args, **kwargs)
        except UNREACHABLE as error:
            self._unreachable(error)
            return fallback

    def get(self, key, default=None, version=None):
        return self._call(super().get, default, key, default, version)

    def get_many(self, keys, version=None):
        return self._call(super().get_many, {}, keys, version)

    def has_key(self, key, version=None):
        return self._call(super().has_key, False, key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().add, False, key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._call(super().set, None, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().set_many, list(data), data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().touch, False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call(super().delete, False, key, version)

    def delete_many(self, keys, version=None):
        self._call(super().delete_many, None, keys, version)

    def incr(self, key, delta=1, version=None):
        try:
            return super().incr(key, delta, version)
        except UNREACHABLE as error:
            self._unreachable(error)
            raise ValueError("The cache cannot be reached.") from error
