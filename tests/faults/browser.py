"""Just enough of a browser to fill in a public form on a real server over plain HTTP."""

import http.client
import re
from dataclasses import dataclass
from urllib.parse import urlencode

CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass
class Answer:
    status: int
    location: str
    text: str


class Browser:
    """Keeps its cookies and sends them back (the production cookies are Secure, which
    Python's cookie jar would not send over plain HTTP to 127.0.0.1), posts each form with
    the CSRF token of the last page it read, and follows no redirect."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}
        self.csrf_token = ""

    def get(self, path: str) -> Answer:
        return self._request("GET", path)

    def post(self, path: str, data: dict) -> Answer:
        return self._request("POST", path, {**data, "csrfmiddlewaretoken": self.csrf_token})

    def _request(self, method: str, path: str, data: dict | None = None) -> Answer:
        headers = {"Cookie": "; ".join(f"{name}={value}" for name, value in self.cookies.items())}
        body = None
        if data is not None:
            body = urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request(method, path, body, headers)
            response = connection.getresponse()
            text = response.read().decode()
        finally:
            connection.close()
        for cookie in response.headers.get_all("Set-Cookie") or []:
            name, value = cookie.split(";", 1)[0].split("=", 1)
            self.cookies[name] = value
        if token := CSRF_FIELD.search(text):
            self.csrf_token = token.group(1)
        return Answer(response.status, response.headers.get("Location", ""), text)
