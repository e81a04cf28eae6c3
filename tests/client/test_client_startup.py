"""Building a client does only what its server needs: a plain-http server never has the CA
bundle loaded (20-50 ms of start-up); an https one still verifies against it."""

from __future__ import annotations

import ssl
import subprocess
import sys

import pytest

from plexkit import AsyncPlexClient, PlexClient


class CABundleRead(Exception):
    pass


@pytest.fixture
def no_ca_bundle(monkeypatch: pytest.MonkeyPatch) -> None:
    """Loading CA certificates (``ssl.create_default_context``, which httpx calls with
    certifi's bundle or ``SSL_CERT_FILE``) raises."""

    def create_default_context(*args: object, **kwargs: object) -> ssl.SSLContext:
        raise CABundleRead

    monkeypatch.setattr(ssl, "create_default_context", create_default_context)


@pytest.mark.usefixtures("no_ca_bundle")
def test_a_plain_http_client_never_reads_the_ca_bundle() -> None:
    PlexClient("http://127.0.0.1:9", token="t").close()


@pytest.mark.usefixtures("no_ca_bundle")
@pytest.mark.anyio
async def test_a_plain_http_async_client_never_reads_the_ca_bundle() -> None:
    await AsyncPlexClient("http://127.0.0.1:9", token="t").aclose()


@pytest.mark.usefixtures("no_ca_bundle")
def test_an_https_client_still_verifies_against_the_ca_bundle() -> None:
    with pytest.raises(CABundleRead):
        PlexClient("https://plex.example:32400", token="t")


def test_the_http_clients_context_refuses_unverified_tls() -> None:
    from plexkit._http import verify_for

    context = verify_for("http://127.0.0.1:9", True)
    assert isinstance(context, ssl.SSLContext)
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
    assert verify_for("https://plex.example", True) is True
    assert verify_for("https://plex.example", False) is False


# What `from plexkit import PlexClient` and building a client leave for first use: the resource
# groups, the request builders, the decoders, the concurrency primitives and the edit helpers.
FIRST_USE = (
    "plexkit._async.dashboard",
    "plexkit._async.notifications",
    "plexkit._async.resources",
    "plexkit._core.edits",
    "plexkit._core.endpoints",
    "plexkit._sync.dashboard",
    "plexkit._sync.notifications",
    "plexkit._sync.resources",
    "plexkit._synchronization",
    "plexkit.models",
)


def loaded_after(code: str) -> set[str]:
    """The FIRST_USE modules (or their submodules) loaded after ``code``, in a fresh
    interpreter."""
    probe = (
        f"{code}\nimport sys\nprint('\\n'.join(m for m in sys.modules "
        f"if any(m == d or m.startswith(d + '.') for d in {FIRST_USE!r})))"
    )
    done = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True)
    return {line for line in done.stdout.splitlines() if line}


def test_importing_and_building_the_clients_loads_no_resource_group() -> None:
    code = (
        "import asyncio\n"
        "from plexkit import AsyncPlexClient, PlexClient\n"
        "PlexClient('http://127.0.0.1:9', token='t').close()\n"
        "asyncio.run(AsyncPlexClient('http://127.0.0.1:9', token='t').aclose())\n"
    )
    assert loaded_after(code) == set()


def test_importing_the_sync_client_loads_no_async_library() -> None:
    probe = "import sys\nfrom plexkit import PlexClient\nprint('anyio' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True)
    assert done.stdout.strip() == "False"


def test_reading_a_resource_group_loads_only_its_module() -> None:
    code = (
        "from plexkit import PlexClient\n"
        "plex = PlexClient('http://127.0.0.1:9', token='t')\n"
        "assert plex.urls is plex.urls and type(plex.urls).__name__ == 'URLs'\n"
    )
    loaded = loaded_after(code)
    assert "plexkit._sync.resources.urls" in loaded
    assert not {"plexkit._sync.resources.library", "plexkit._sync.notifications"} & loaded


def test_a_resource_group_is_built_once_per_client() -> None:
    with (
        PlexClient("http://127.0.0.1:9", token="t") as one,
        PlexClient("http://127.0.0.1:9", token="t") as two,
    ):
        assert one.library is one.library
        assert one.library is not two.library
        assert one.library._client is one
        assert one.notifications is one.notifications
    assert PlexClient.library.name == "Library"  # the class holds the descriptor
