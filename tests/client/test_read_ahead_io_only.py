"""The sync read-ahead thread only fetches, and only while the server keeps the caller waiting:
every page is decoded on the caller's thread."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from test_wire import Recorder, paged_library, sync_client

import plexkit._read_ahead as read_ahead
import plexkit.models._decode


def test_pages_read_ahead_are_decoded_by_the_caller(monkeypatch: pytest.MonkeyPatch) -> None:
    decode = plexkit.models._decode.decode_page  # the client looks it up on each decode
    threads: list[threading.Thread] = []

    def recording_decode(*args: Any) -> Any:
        threads.append(threading.current_thread())
        return decode(*args)

    monkeypatch.setattr(plexkit.models._decode, "decode_page", recording_decode)
    recorder = Recorder({"/library/sections/2/all": paged_library(1050)})
    with sync_client(recorder) as plex:
        keys = [item.rating_key for item in plex.library.iter_items("2", page_size=500)]
    assert keys == [str(k) for k in range(1050)]
    assert threads == [threading.current_thread()] * 3


def test_a_server_that_keeps_the_caller_waiting_is_read_ahead_on_a_worker_thread() -> None:
    serve = paged_library(1500)
    threads: list[threading.Thread] = []

    def slow(request: Any) -> Any:
        threads.append(threading.current_thread())
        time.sleep(0.03)  # the server's time: the caller's thread could do its own work
        return serve(request)

    recorder = Recorder({"/library/sections/2/all": slow})
    with sync_client(recorder) as plex:
        keys = [item.rating_key for item in plex.library.iter_items("2", page_size=500)]
    assert keys == [str(k) for k in range(1500)]
    me = threading.current_thread()
    assert threads[0] is me  # the first page is waited for anyway
    assert all(thread is not me for thread in threads[1:])


def test_a_server_that_answers_at_once_is_read_by_the_caller_thread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(read_ahead, "server_kept_us_waiting", lambda wall, cpu: False)
    serve = paged_library(1500)
    threads: list[threading.Thread] = []

    def fast(request: Any) -> Any:
        threads.append(threading.current_thread())
        return serve(request)

    recorder = Recorder({"/library/sections/2/all": fast})
    with sync_client(recorder) as plex:
        keys = [item.rating_key for item in plex.library.iter_items("2", page_size=500)]
    assert keys == [str(k) for k in range(1500)]
    assert threads == [threading.current_thread()] * 3


def test_leaving_a_fast_listing_early_sends_no_request_for_the_next_page(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(read_ahead, "server_kept_us_waiting", lambda wall, cpu: False)
    recorder = Recorder({"/library/sections/2/all": paged_library(1500)})
    with sync_client(recorder) as plex:
        for item in plex.library.iter_items("2", page_size=500):
            if item.rating_key == "10":
                break
    assert len(recorder.requests) == 1
