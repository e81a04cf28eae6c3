"""Builders of watch history rows and playback sessions (``/status/sessions``)."""

from __future__ import annotations

import bisect
import hashlib

from plexkit.testing.store import Node, Store
from plexkit.testing.wire import Wire

_HISTORY_FIELDS = (
    "parentKey",
    "grandparentKey",
    "title",
    "grandparentTitle",
    "parentTitle",
    "type",
    "thumb",
    "parentThumb",
    "grandparentThumb",
    "grandparentArt",
    "index",
    "parentIndex",
    "originallyAvailableAt",
)
"""What a history row copies from its item."""


class ActivityBuilder(Store):
    """``add_history`` and ``add_session``."""

    def add_history(
        self, item: Node, account_id: int, viewed_at: int, *, device_id: int = 1
    ) -> Wire:
        """Record a play in the watch history (``/status/sessions/history/all``)."""
        d = item.data
        entry: Wire = {
            "historyKey": f"/status/sessions/history/{self.next_id('history')}",
            "key": d["key"],
            "ratingKey": d["ratingKey"],
            "librarySectionID": str(item.section_key),
        }
        entry.update({name: d[name] for name in _HISTORY_FIELDS if name in d})
        entry.update({"viewedAt": viewed_at, "accountID": account_id, "deviceID": device_id})
        with self.lock:
            position = bisect.bisect(self.history, -viewed_at, key=lambda h: -int(h["viewedAt"]))
            self.history.insert(position, entry)
            self.changed()
        return entry

    def add_session(
        self,
        item: Node,
        account_id: int,
        player: Wire,
        *,
        view_offset: int = 0,
        transcode: bool = False,
    ) -> Wire:
        """Start a playback session (``/status/sessions``) of ``item`` by an account."""
        account = next((a for a in self.accounts if a["id"] == account_id), None)
        session_key = self.next_id("session")
        session_id = hashlib.md5(f"session:{session_key}".encode()).hexdigest()[:24]
        entry: Wire = dict(item.data)
        entry["sessionKey"] = str(session_key)
        entry["viewOffset"] = view_offset
        entry["Media"] = [_session_media(m, transcode) for m in item.data.get("Media", ())[:1]]
        entry["User"] = {
            "id": str(account_id),
            "thumb": account["thumb"] if account else "",
            "title": account["name"] if account else "",
        }
        entry["Player"] = {
            "state": "playing",
            "local": True,
            "relayed": False,
            "secure": True,
            "protocolVersion": "1",
            "userID": account_id,
            **player,
        }
        entry["Session"] = {
            "id": session_id,
            "bandwidth": 12000 if transcode else 9500,
            "location": "lan",
        }
        if transcode:
            entry["TranscodeSession"] = _transcode_session(item.data, session_id)
        with self.lock:
            self.sessions.append(entry)
            self.changed()
        return entry


def _session_media(media: Wire, transcode: bool) -> Wire:
    """A playing ``Media`` with the decision fields sessions add (direct play or transcode)."""
    decision = "transcode" if transcode else "directplay"
    parts = []
    for part in media.get("Part", ()):
        streams = [
            {
                **stream,
                "decision": "transcode" if transcode and stream["streamType"] == 1 else "copy",
                "location": "segments-video" if transcode else "direct",
            }
            for stream in part.get("Stream", ())
            if stream.get("default") or stream.get("selected") or stream["streamType"] == 1
        ]
        parts.append({**part, "decision": decision, "selected": True, "Stream": streams})
    return {**media, "selected": True, "Part": parts}


def _transcode_session(item: Wire, session_id: str) -> Wire:
    """The ``TranscodeSession`` of a session transcoding ``item`` to DASH h264/aac."""
    media = item.get("Media", [{}])[0]
    return {
        "key": f"/transcode/sessions/{session_id}",
        "throttled": False,
        "complete": False,
        "progress": 12.5,
        "size": -22,
        "speed": 3.2,
        "error": False,
        "duration": item.get("duration", 0),
        "remaining": 240,
        "context": "streaming",
        "sourceVideoCodec": media.get("videoCodec", ""),
        "sourceAudioCodec": media.get("audioCodec", ""),
        "videoDecision": "transcode",
        "audioDecision": "transcode",
        "protocol": "dash",
        "container": "mp4",
        "videoCodec": "h264",
        "audioCodec": "aac",
        "audioChannels": 2,
        "transcodeHwRequested": True,
        # as python-plexapi's SERVER_TRANSCODE_SESSIONS payload: the output size, when the
        # session was sampled, and the seconds transcoded so far
        "width": media.get("width", 1280),
        "height": media.get("height", 720),
        "timeStamp": float(item.get("lastViewedAt") or item.get("addedAt") or 0),
        "minOffsetAvailable": 0.0,
        "maxOffsetAvailable": 84.0,
    }
