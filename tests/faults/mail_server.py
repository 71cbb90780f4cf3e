"""A real SMTP server on a local port (aiosmtpd), for the fault tests: it can be down, it can
hold a message before accepting it, and it counts what it accepted."""

import asyncio
import email
import threading
from dataclasses import dataclass

from aiosmtpd.controller import Controller


@dataclass(frozen=True)
class Accepted:
    to: tuple[str, ...]
    subject: str
    body: str


class MailServer:
    """SMTP on 127.0.0.1:`port`. Down (nothing listening, so a connection is refused) until
    `up()`. With `hold()`, a message's data is read and then left unanswered until
    `release()`: the sender waits inside `send()`. Only a message answered "250" counts as
    accepted; one whose sender went away while it was held is dropped, as a real server
    drops it."""

    def __init__(self, port: int):
        self.port = port
        self.accepted: list[Accepted] = []
        self.data_received = 0  # messages whose data arrived, accepted or not
        self.holding = threading.Event()
        self.held = threading.Event()  # set once a message is being held
        self._lock = threading.Lock()
        self._controller = None

    def up(self) -> None:
        if self._controller is None:
            self._controller = Controller(self, hostname="127.0.0.1", port=self.port)
            self._controller.start()

    def down(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def hold(self) -> None:
        self.held.clear()
        self.holding.set()

    def release(self) -> None:
        self.holding.clear()

    def subjects(self) -> list[str]:
        with self._lock:
            return sorted(message.subject for message in self.accepted)

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        with self._lock:
            self.data_received += 1
        while self.holding.is_set():
            self.held.set()
            # Cancelled here if the sender disconnects (a killed worker): never accepted.
            await asyncio.sleep(0.05)
        parsed = email.message_from_bytes(envelope.content)
        message = Accepted(
            to=tuple(envelope.rcpt_tos),
            subject=str(parsed["Subject"]),
            body=parsed.get_payload(decode=True).decode(),
        )
        with self._lock:
            self.accepted.append(message)
        return "250 Message accepted for delivery"
