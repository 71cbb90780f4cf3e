"""A TCP proxy between the site and PostgreSQL that cuts the connection when a chosen
statement goes by, for the fault tests. The site connects without TLS (sslmode=disable), so
the proxy can read the statements it forwards."""

import contextlib
import socket
import threading
import time


class CuttingProxy:
    """Forwards 127.0.0.1:`port` to PostgreSQL. Once `cut_on(pattern)` is armed, the first
    bytes from the site containing `pattern` are not forwarded: both sides of that
    connection are closed (PostgreSQL rolls its transaction back) and the proxy stays down,
    closing every new connection, until `restore()`."""

    def __init__(self, port: int, upstream: tuple[str, int]):
        self.port = port
        self.upstream = upstream
        self.cut = threading.Event()
        self.cut_at: float | None = None
        self._pattern: bytes | None = None
        self._down = False
        self._lock = threading.Lock()
        self._sockets: set[socket.socket] = set()
        self._listener = socket.create_server(("127.0.0.1", port), reuse_port=False)
        self._listener.settimeout(0.2)
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def cut_on(self, pattern: bytes) -> None:
        with self._lock:
            self._pattern = pattern

    def restore(self) -> None:
        with self._lock:
            self._down = False
            self._pattern = None

    def close(self) -> None:
        self._stopping.set()
        self._thread.join(timeout=5)
        self._listener.close()
        with self._lock:
            for sock in list(self._sockets):
                _close(sock)

    def _accept(self) -> None:
        while not self._stopping.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            with self._lock:
                down = self._down
            if down:
                _close(client)
                continue
            server = socket.create_connection(self.upstream)
            with self._lock:
                self._sockets.update((client, server))
            threading.Thread(target=self._pump, args=(client, server, True), daemon=True).start()
            threading.Thread(target=self._pump, args=(server, client, False), daemon=True).start()

    def _pump(self, source: socket.socket, target: socket.socket, from_site: bool) -> None:
        tail = b""
        try:
            while chunk := source.recv(65536):
                if from_site and self._should_cut(tail + chunk):
                    return
                target.sendall(chunk)
                tail = chunk[-256:]
        except OSError:
            pass
        finally:
            _close(source)
            _close(target)

    def _should_cut(self, data: bytes) -> bool:
        with self._lock:
            if self._pattern is None or self._pattern not in data:
                return False
            self._pattern = None
            self._down = True
            self.cut_at = time.monotonic()
        self.cut.set()
        return True


def _close(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    sock.close()
