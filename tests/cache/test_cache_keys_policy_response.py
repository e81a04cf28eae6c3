"""Pure parts: keys, TTL policy, invalidation rules, the cached response framing."""

from __future__ import annotations

import pytest
from cache_helpers import make_key, response

from plexkit.cache import (
    DEFAULT_TTLS,
    CachedResponse,
    CacheKey,
    CachePolicy,
    affected_by_write,
    token_digest,
)
from plexkit.errors import ConfigurationError


class TestKeys:
    def test_token_is_hashed_never_stored(self) -> None:
        key = make_key(token="super-secret-token-123")
        assert "super-secret-token-123" not in key.text
        assert token_digest("super-secret-token-123") in key.text

    def test_two_tokens_never_share_a_key(self) -> None:
        assert make_key(token="token-aaaaaaaa").text != make_key(token="token-bbbbbbbb").text
        assert make_key(token=None).text != make_key(token="token-aaaaaaaa").text

    def test_two_servers_never_share_a_key(self) -> None:
        assert make_key(server="http://a:32400").text != make_key(server="http://b:32400").text
        assert make_key(server="abc123").text != make_key(server="abc124").text

    def test_params_are_sorted_and_token_params_dropped(self) -> None:
        one = make_key(params={"type": 1, "sort": "titleSort"})
        two = make_key(params={"sort": "titleSort", "type": "1", "X-Plex-Token": "leaky-token"})
        assert one.text == two.text
        assert "leaky-token" not in two.text

    def test_every_part_changes_the_key(self) -> None:
        base = make_key()
        variants = [
            make_key(name="search"),
            make_key(path="/library/sections/2/all"),
            make_key(params={"type": 2}),
            make_key(offset=50),
            make_key(limit=10),
            make_key(offset=None, limit=None),
            make_key(method="HEAD"),
            CacheKey.build(
                name="items",
                server="http://pms.local:32400",
                token="token-aaaaaaaa",
                method="GET",
                path="/library/sections/1/all",
                params=None,
                accept="application/xml",
                offset=0,
                limit=50,
            ),
        ]
        texts = {v.text for v in variants}
        assert base.text not in texts
        assert len(texts) == len(variants)

    def test_layout_version_name_then_scope(self) -> None:
        key = make_key(server="http://pms.local:32400/")
        version, name, scope, digest, method, *_ = key.text.split(":")
        assert (version, name, method) == ("v1", "items", "GET")
        assert scope == "http%3A%2F%2Fpms.local%3A32400"  # trailing slash normalised
        assert digest == token_digest("token-aaaaaaaa")
        assert key.text.startswith("v1:" + CacheKey.prefix("items", "http://pms.local:32400"))

    def test_fields_cannot_bleed_into_each_other(self) -> None:
        a = make_key(path="/a:b", params=None)
        b = make_key(path="/a", params={"b": ""})
        assert a.text != b.text
        assert a.text.count(":") == b.text.count(":") == 8

    def test_writes_are_not_cacheable(self) -> None:
        assert make_key().cacheable
        assert not make_key(method="put").cacheable
        assert make_key(method="put").method == "PUT"

    @pytest.mark.parametrize("bad", ["Items", "", "a-b", "items:x", "1x"])
    def test_bad_names_are_rejected(self, bad: str) -> None:
        with pytest.raises(ConfigurationError):
            make_key(name=bad)


class TestPolicy:
    def test_defaults_match_the_design(self) -> None:
        policy = CachePolicy()
        expected = {
            "server": 3600,
            "sections": 3600,
            "items": 900,
            "search": 900,
            "recently_added": 900,
            "activities": 5,
            "history": 300,
            "sessions": 0,
            "metadata": 900,
            "collections": 900,
            "children": 900,
        }
        assert {n: policy.ttl_for(n) for n in expected} == expected
        assert set(DEFAULT_TTLS) == set(expected)

    def test_overrides_and_unknown_names(self) -> None:
        policy = CachePolicy(overrides={"items": 60, "sessions": 2})
        assert policy.ttl_for("items") == 60
        assert policy.ttl_for("sessions") == 2
        assert policy.ttl_for("sections") == 3600
        assert policy.ttl_for("something_new") == 0
        assert CachePolicy(default_ttl=30).ttl_for("something_new") == 30
        assert policy.ttls["items"] == 60

    def test_negative_ttl_rejected(self) -> None:
        with pytest.raises(ConfigurationError):
            CachePolicy(overrides={"items": -1})

    @pytest.mark.parametrize("ttl", ["abc", None, True, float("nan"), "60"])
    def test_a_ttl_that_is_not_seconds_is_a_configuration_error(self, ttl: object) -> None:
        with pytest.raises(ConfigurationError, match="must be >= 0 seconds"):
            CachePolicy(overrides={"items": ttl})  # type: ignore[dict-item]
        with pytest.raises(ConfigurationError, match="must be >= 0 seconds"):
            CachePolicy(default_ttl=ttl)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("method", "path", "must", "must_not"),
        [
            (
                "PUT",
                "/library/metadata/123",
                {"metadata", "items", "search", "recently_added", "collections", "children"},
                {"sections", "activities"},
            ),
            ("PUT", "/library/metadata/123?title.value=x&title.locked=1", {"metadata"}, set()),
            ("DELETE", "/library/metadata/123", {"metadata", "items"}, set()),
            (
                "GET",
                "/library/sections/1/refresh",
                {"sections", "items", "recently_added", "activities"},
                {"metadata"},
            ),
            ("POST", "/library/sections/all/refresh", {"sections", "activities"}, set()),
            ("PUT", "/library/metadata/9/refresh", {"metadata", "activities"}, set()),
            ("PUT", "/library/collections/7/items", {"collections", "items"}, {"sections"}),
            ("POST", "/library/collections", {"collections", "items"}, set()),
            ("DELETE", "/activities/abc-123", {"activities"}, {"items"}),
            ("GET", "/:/scrobble", {"metadata", "history", "items"}, set()),
            ("POST", "/library/sections", {"sections", "items"}, set()),
        ],
    )
    def test_write_invalidation_rules(
        self, method: str, path: str, must: set[str], must_not: set[str]
    ) -> None:
        names = set(affected_by_write(method, path))
        assert must <= names
        assert not (must_not & names)

    @pytest.mark.parametrize(
        ("method", "path"),
        [("GET", "/library/sections"), ("GET", "/library/metadata/1"), ("POST", "/unknown/thing")],
    )
    def test_reads_and_unknown_writes_touch_nothing(self, method: str, path: str) -> None:
        assert affected_by_write(method, path) == ()


class TestCachedResponse:
    def test_keeps_only_needed_headers_lower_cased(self) -> None:
        value = CachedResponse(
            status_code=200,
            headers={
                "Content-Type": "application/json",
                "Set-Cookie": "x",
                "X-Plex-Container-Start": "0",
            },
            content=b"{}",
            stored_at=1.0,
        )
        assert value.headers == {"content-type": "application/json", "x-plex-container-start": "0"}

    def test_round_trip(self) -> None:
        value = CachedResponse(
            200, {"content-type": "text/xml"}, b"\x00\xff<xml/>", 12.5, expires_at=99.0
        )
        back = CachedResponse.from_bytes(value.to_bytes())
        assert back == value
        assert not back.stale

    def test_stale_flag_is_not_stored(self) -> None:
        value = CachedResponse(200, {}, b"x", 1.0, stale=True)
        assert not CachedResponse.from_bytes(value.to_bytes()).stale

    @pytest.mark.parametrize(
        "data",
        [
            b"",
            b"garbage",
            b"PKCR\x01\x00\x00\x00\xff{}",
            b"PKCR\x01\x00\x00\x00\x02[]",
            b'PKCR\x01\x00\x00\x00\x0e{"s":"200"}  ',
            b"\x80\x04\x95pickle",
        ],
    )
    def test_garbage_is_rejected(self, data: bytes) -> None:
        with pytest.raises(ValueError):
            CachedResponse.from_bytes(data)

    def test_freshness_and_age(self) -> None:
        value = CachedResponse(200, {}, b"", 100.0, expires_at=110.0)
        assert value.is_fresh(109.9) and not value.is_fresh(110.0)
        assert value.age(105.0) == 5.0
        assert response().is_fresh(1e12)
