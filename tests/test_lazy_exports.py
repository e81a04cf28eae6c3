"""The one lazy-export loader: names load on first use and the export list is read from
the package's own imports (each name written once)."""

from __future__ import annotations

import subprocess
import sys

import pytest

import plexkit
import plexkit.auth


def test_importing_the_packages_loads_no_client_and_no_jwt_extra() -> None:
    code = (
        "import sys, plexkit, plexkit.auth\n"
        "assert 'plexkit._async.client' not in sys.modules\n"
        "assert 'plexkit.auth.keys' not in sys.modules\n"
        "plexkit.PlexClient\n"
        "assert 'plexkit._sync.client' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_exports_are_the_reexports_eager_and_lazy() -> None:
    assert {"PlexClient", "AsyncPlexClient", "PlexError", "__version__"} <= set(plexkit.__all__)
    assert "lazy_exports" not in plexkit.__all__ and "TYPE_CHECKING" not in plexkit.__all__
    assert dir(plexkit.auth) == plexkit.auth.__all__
    assert plexkit.auth.TokenAuth.__name__ == "TokenAuth"


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match=r"plexkit\.auth"):
        _ = plexkit.auth.NoSuchThing
