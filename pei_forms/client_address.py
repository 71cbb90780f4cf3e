"""Who a request comes from, for the rate limits: the client's address, the group of
addresses that share one budget, and the cache key that stands for that group.

The address
    With PEI_TRUSTED_PROXY_HOPS = 0 (the default) it is REMOTE_ADDR: the site is reached
    directly. With N proxies in front of the site, each appends the address it was reached
    from to X-Forwarded-For, so the Nth entry from the right is the one the outermost trusted
    proxy added: the client as that proxy saw it. Everything left of it came from the client
    and could say anything; the entries right of it are our own proxies.

The group
    An IPv4 address is one client. An IPv6 client is given a whole /64 (a home, an office,
    a phone), and can pick any address in it, so all addresses of one /64 share one budget.

The key
    A keyed hash (HMAC-SHA256 from SECRET_KEY) of the group, so the cache holds no address,
    and one that cannot be reversed by hashing all 2^32 IPv4 addresses, as a plain hash can.
"""

import ipaddress

from django.conf import settings
from django.utils.crypto import salted_hmac

CLIENT_KEY_SALT = "pei_forms.client_address.client_key"
IPV6_CLIENT_PREFIX = 64
# Addresses that cannot be read share one budget: a flood of made-up values is counted as
# one client rather than each value getting an allowance of its own.
UNREADABLE = "unreadable"


def client_address(request) -> str:
    """The client's address as the outermost trusted proxy saw it (see the module's notes)."""
    hops = getattr(settings, "PEI_TRUSTED_PROXY_HOPS", 0)
    remote_addr = request.META.get("REMOTE_ADDR", "")
    if hops <= 0:
        return remote_addr
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    entries = [entry.strip() for entry in forwarded.split(",") if entry.strip()]
    if len(entries) < hops:
        # Fewer entries than proxies: the request did not pass through every proxy we were
        # told of (a health check, or a caller inside the network), so no entry is known to
        # come from the outermost one. REMOTE_ADDR is the one address no client can set;
        # such requests share its budget rather than choose their own.
        return remote_addr
    return entries[-hops]


def client_group(address: str) -> str:
    """The addresses that share one budget: an IPv4 address, or an IPv6 address's /64."""
    ip = _parse(address)
    if ip is None:
        return UNREADABLE
    if ip.version == 6 and ip.ipv4_mapped is not None:
        # ::ffff:192.0.2.1 is an IPv4 client seen through an IPv6 socket; its /64 would put
        # every IPv4 client in one budget.
        ip = ip.ipv4_mapped
    if ip.version == 4:
        return str(ip)
    network = ipaddress.IPv6Network((ip.packed[:8] + bytes(8), IPV6_CLIENT_PREFIX))
    return str(network)


def client_key(request) -> str:
    """The cache key part for the request's client: every rate limit counted per client
    address uses this, so none holds an address."""
    group = client_group(client_address(request))
    return salted_hmac(CLIENT_KEY_SALT, group, algorithm="sha256").hexdigest()[:32]


def _parse(address: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The address in `address`, allowing the forms proxies write: "[2001:db8::1]:443",
    "192.0.2.1:5060" and a zone ("fe80::1%eth0"); None when there is none."""
    text = address.strip()
    if text.startswith("["):
        text = text[1:].partition("]")[0]
    elif text.count(":") == 1:  # IPv4 with a port; an IPv6 address has two colons or more
        text = text.partition(":")[0]
    text = text.partition("%")[0]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None
