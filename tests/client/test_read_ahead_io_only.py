"""The sync read-ahead thread only fetches: every page is decoded on the caller's thread."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from test_wire import Recorder, paged_library, sync_client

import plexkit._sync.client as sync_client_module


def test_pages_read_ahead_are_decoded_by_the_caller(monkeypatch: pytest.MonkeyPatch) -> None:
    decode = sync_client_module.decode_body
    threads: list[threading.Thread] = []

    def recording_decode(*args: Any) -> Any:
        threads.append(threading.current_thread())
        return decode(*args)

    monkeypatch.setattr(sync_client_module, "decode_body", recording_decode)
    recorder = Recorder({"/library/sections/2/all": paged_library(1050)})
    with sync_client(recorder) as plex:
        keys = [item.rating_key for item in plex.library.iter_items("2", page_size=500)]
    assert keys == [str(k) for k in range(1050)]
    assert threads == [threading.current_thread()] * 3
