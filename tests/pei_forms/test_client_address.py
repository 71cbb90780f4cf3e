"""Who a request comes from, for the rate limits: the address, its group and its cache key."""

import hashlib

import pytest
from django.core.cache import cache
from django.test import Client, RequestFactory
from django.utils.crypto import salted_hmac

from pei_forms.client_address import (
    CLIENT_KEY_SALT,
    UNREADABLE,
    client_address,
    client_group,
    client_key,
)
from tests.pei_forms.form_helpers import GAP_ANSWERS, complete


def request_from(remote_addr: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": remote_addr}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post("/", **extra)


def test_without_trusted_hops_the_address_is_remote_addr_and_x_forwarded_for_is_ignored(
    settings,
):
    """With no proxies configured a client's own X-Forwarded-For changes nothing."""
    settings.PEI_TRUSTED_PROXY_HOPS = 0
    assert client_address(request_from("192.0.2.10", "203.0.113.9")) == "192.0.2.10"


def test_with_one_hop_the_address_is_the_one_the_load_balancer_added(settings):
    """One load balancer: the last entry is the one it added; what is left of it was sent by
    the client."""
    settings.PEI_TRUSTED_PROXY_HOPS = 1
    request = request_from("10.0.0.5", "203.0.113.9, 198.51.100.7")
    assert client_address(request) == "198.51.100.7"


def test_with_two_hops_the_address_is_the_one_the_outermost_proxy_added(settings):
    """Two proxies: the outer one adds the client, the inner one adds the outer one, and
    REMOTE_ADDR is the inner one; the client is second from the right."""
    settings.PEI_TRUSTED_PROXY_HOPS = 2
    request = request_from("10.0.0.6", "203.0.113.9, 198.51.100.7, 10.0.0.5")
    assert client_address(request) == "198.51.100.7"


@pytest.mark.parametrize("forged", ["", "203.0.113.1", "203.0.113.1, 203.0.113.2", "x, , y"])
def test_a_client_cannot_choose_its_address_by_adding_to_x_forwarded_for(settings, forged):
    """Whatever the client writes into the header, the proxy's entry decides its budget."""
    settings.PEI_TRUSTED_PROXY_HOPS = 1
    header = f"{forged}, 198.51.100.7" if forged else "198.51.100.7"
    assert client_key(request_from("10.0.0.5", header)) == client_key(
        request_from("10.0.0.5", "198.51.100.7")
    )


@pytest.mark.parametrize("forwarded", [None, "", "198.51.100.7"])
def test_a_header_with_fewer_entries_than_hops_counts_as_remote_addr(settings, forwarded):
    """A request that did not pass through every proxy (two configured, at most one entry)
    is counted as REMOTE_ADDR, never as an entry that a client could have written."""
    settings.PEI_TRUSTED_PROXY_HOPS = 2
    assert client_address(request_from("10.0.0.6", forwarded)) == "10.0.0.6"


def test_all_addresses_of_one_ipv6_64_share_one_group():
    """An IPv6 client can use any address of its /64, so the /64 is the client."""
    assert (
        client_group("2001:db8:1:2::1")
        == client_group("2001:db8:1:2:ffff:ffff:ffff:fffe")
        == client_group("2001:DB8:1:2:0:0:0:9")
        == "2001:db8:1:2::/64"
    )
    assert client_group("2001:db8:1:3::1") != client_group("2001:db8:1:2::1")


def test_each_ipv4_address_is_its_own_group():
    """Two IPv4 addresses next to each other are two clients."""
    assert client_group("192.0.2.1") == "192.0.2.1"
    assert client_group("192.0.2.2") == "192.0.2.2"


def test_an_ipv4_address_seen_through_an_ipv6_socket_is_its_own_group():
    """::ffff:192.0.2.1 is the IPv4 client 192.0.2.1, not a member of one shared /64."""
    assert client_group("::ffff:192.0.2.1") == "192.0.2.1"
    assert client_group("::ffff:192.0.2.2") == "192.0.2.2"


@pytest.mark.parametrize(
    ("written", "group"),
    [
        ("192.0.2.1:5060", "192.0.2.1"),
        (" 192.0.2.1 ", "192.0.2.1"),
        ("[2001:db8:1:2::1]:443", "2001:db8:1:2::/64"),
        ("[2001:db8:1:2::1]", "2001:db8:1:2::/64"),
        ("fe80::1%eth0", "fe80::/64"),
    ],
)
def test_addresses_in_the_forms_proxies_write_are_read(written, group):
    """Ports, brackets and zones that some proxies add do not make a new client."""
    assert client_group(written) == group


@pytest.mark.parametrize(
    "unreadable", ["", "unknown", "999.1.1.1", "2001:db8::zz", "[", "[]:80", "::ffff:", "%"]
)
def test_an_unreadable_address_does_not_crash_and_shares_one_group(unreadable):
    """Anything that is not an address is one shared client, so varying it gains nothing."""
    assert client_group(unreadable) == UNREADABLE


@pytest.mark.django_db
def test_a_form_sent_from_an_unreadable_address_is_saved(gap_page):
    """An address that cannot be read is counted, not a server error."""
    response = complete(Client(REMOTE_ADDR="not-an-address"), gap_page, GAP_ANSWERS)
    assert response.status_code == 302


def test_the_cache_key_is_a_keyed_hash_of_the_group_not_a_plain_hash(settings):
    """The key is HMAC-SHA256 from SECRET_KEY: a plain hash of each of the 2^32 IPv4
    addresses cannot find it, and another SECRET_KEY gives another key."""
    request = request_from("192.0.2.1")
    key = client_key(request)
    assert key == salted_hmac(CLIENT_KEY_SALT, "192.0.2.1", algorithm="sha256").hexdigest()[:32]
    assert key not in hashlib.sha256(b"192.0.2.1").hexdigest()
    settings.SECRET_KEY = "another-secret-key-for-this-test-only-0123456789"
    assert client_key(request) != key


@pytest.mark.django_db
def test_the_rate_limit_counters_hold_no_address(gap_page):
    """After a send, no cache key holds the client's address or its plain hash."""
    complete(Client(REMOTE_ADDR="192.0.2.77"), gap_page, GAP_ANSWERS)
    keys = list(cache._cache)  # the test settings' local-memory cache
    assert any(":limit:sends:" in key for key in keys), keys
    plain = hashlib.sha256(b"192.0.2.77").hexdigest()[:32]
    assert not [key for key in keys if "192.0.2.77" in key or plain in key]
