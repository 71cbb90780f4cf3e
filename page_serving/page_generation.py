"""This process's copy of the page cache's generation, kept current by Redis pub/sub.

Reading the generation from Redis on every hit cost a cached page most of its time (Django's
RedisCache builds a client for each call, and then there is the round trip). Instead each
process listens on a channel: whoever starts a new generation stores it and then publishes
on the channel, and every listener reads the stored value again when it hears. A listener
reads the store rather than trusting the message, so two changes published out of order
still leave it holding the newer one.

The copy is trusted only while the listener is known to be connected: it pings Redis every
PING_SECONDS and the copy counts only if Redis answered within TRUST_SECONDS. Otherwise
(Redis restarted, a network fault, the thread not yet subscribed) `trusted()` gives None and
the page cache reads the store as before, so a lost connection can cost speed, never a stale
page. A change reaches every server within the time a published message takes to arrive:
milliseconds on one network.

Only a Redis cache has a channel. With any other cache (development, tests) the listener is
never started and the store is read each time, which for a cache in the process is cheap.
"""

import logging
import os
import threading
import time

logger = logging.getLogger(__name__)

CHANNEL = "pei_page_cache:generation"
PING_SECONDS = 1.0
TRUST_SECONDS = 3.0
RECONNECT_SECONDS = 1.0


class GenerationListener:
    """One per process (a forked worker starts its own on first use)."""

    def __init__(self, client_factory, read_stored):
        #: client_factory() -> a redis.Redis for the cache's server; read_stored() -> the
        #: stored generation or None.
        self._client_factory = client_factory
        self._read_stored = read_stored
        self._value = None
        self._heard_at = 0.0
        self._pid = None
        self._lock = threading.Lock()
        self._stopping = threading.Event()

    def trusted(self) -> str | None:
        """The generation, if the listener holds one it can vouch for; else None."""
        if self._pid != os.getpid():
            self._start()
            return None
        if self._value is None or time.monotonic() - self._heard_at > TRUST_SECONDS:
            return None
        return self._value

    def replaced(self, value: str) -> None:
        """This process started a new generation: hold it at once, before the echo."""
        self._value = value

    def stop(self) -> None:
        self._stopping.set()

    def _start(self) -> None:
        with self._lock:
            if self._pid == os.getpid():
                return
            self._pid = os.getpid()
            self._value = None
            self._stopping = threading.Event()
            thread = threading.Thread(target=self._listen, name="page-generation", daemon=True)
            thread.start()

    def _listen(self) -> None:
        while not self._stopping.is_set():
            try:
                self._listen_once()
            except Exception:  # noqa: BLE001 (any fault: stop vouching, then reconnect)
                logger.warning("Lost the page cache's channel; reading the cache meanwhile")
            self._value = None
            self._stopping.wait(RECONNECT_SECONDS)

    def _listen_once(self) -> None:
        client = self._client_factory()
        pubsub = client.pubsub()
        try:
            pubsub.subscribe(CHANNEL)
            pinged = 0.0
            while not self._stopping.is_set():
                now = time.monotonic()
                if now - pinged >= PING_SECONDS:
                    pubsub.ping()
                    pinged = now
                message = pubsub.get_message(timeout=PING_SECONDS / 4)
                if message is None:
                    continue
                if message["type"] in ("subscribe", "message"):
                    # Subscribed first, read second: nothing published after the read is missed.
                    self._value = self._read_stored()
                self._heard_at = time.monotonic()
        finally:
            pubsub.close()


def publish(client) -> None:
    """Tell every listener that the stored generation changed."""
    client.publish(CHANNEL, b"")
