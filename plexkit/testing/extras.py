"""Item extras (trailers, featurettes): ``add_extra`` gives an item a ``clip`` that
``/library/metadata/{id}/extras`` lists, ``includeExtras=1`` nests under ``<Extras>`` and the
first trailer names in ``primaryExtraKey``.

Shape: the ``Extras`` of ``plex-api.rs/timeline/metadata_182_1.json`` (a real movie): clips
with ``type="clip"``, ``subtype="trailer"``, ``extraType`` (1 trailer, 5 behind the scenes,
...), ``primaryGuid`` = the item's ``guid``, one ``Media``/``Part`` served by PMS. Extras are
not section items: they are kept apart (``store.extras``) and never listed by ``/all``.
"""

from __future__ import annotations

from plexkit.testing.store import Node, Store
from plexkit.testing.wire import Wire
from plexkit.testing.wire_media import video_media

EXTRA_TYPES = {
    "trailer": 1,
    "deletedScene": 2,
    "interview": 3,
    "musicVideo": 4,
    "behindTheScenes": 5,
    "sceneOrSample": 6,
    "liveMusicVideo": 7,
    "lyricMusicVideo": 8,
    "concert": 9,
    "featurette": 10,
    "short": 11,
    "other": 12,
}
"""``subtype`` -> ``extraType`` number, from the PMS spec's ``extraType`` enum."""


def add_extra(
    store: Store, item: Node, title: str, *, subtype: str = "trailer", duration: int = 120_000
) -> Node:
    """Give ``item`` an extra; the first trailer becomes its ``primaryExtraKey``."""
    if subtype not in EXTRA_TYPES:
        raise ValueError(f"unknown extra subtype {subtype!r}")
    rk = store.next_id("ratingKey")
    added = int(item.data.get("addedAt", 0))
    with store.lock:
        siblings = store.extras.setdefault(item.rating_key, [])
        data: Wire = {
            "ratingKey": str(rk),
            "key": f"/library/metadata/{rk}",
            "guid": f"{item.data['guid']}/extra/{len(siblings) + 1}",
            "type": "clip",
            "title": title,
            "summary": "",
            "index": len(siblings) + 1,
            "thumb": f"/library/metadata/{rk}/thumb/{added}",
            "primaryGuid": item.data["guid"],
            "subtype": subtype,
            "duration": duration,
            "addedAt": added,
            "extraType": EXTRA_TYPES[subtype],
        }
        stream_ids = [store.next_id("stream"), store.next_id("stream")]
        data["Media"] = [
            video_media(
                store.next_id("media"),
                store.next_id("part"),
                stream_ids,
                file=f"/data/extras/{rk}.mp4",
                duration=duration,
                added_at=added,
                resolution="sd",
                container="mp4",
                video_codec="h264",
                audio=(("aac", "eng", 2),),
                subtitles=(),
            )
        ]
        node = Node("clip", data, item.section_key)
        store.nodes[rk] = node
        siblings.append(node)
        if subtype == "trailer" and "primaryExtraKey" not in item.data:
            item.data["primaryExtraKey"] = data["key"]
            item.touch()
        store.changed()
    return node


def extras_element(store: Store, item: Node) -> Wire:
    """The ``Extras`` element of an item's detail (``includeExtras=1``)."""
    clips = store.extras.get(item.rating_key, [])
    out: Wire = {"size": len(clips)}
    if clips:
        out["Metadata"] = [clip.data for clip in clips]
    return out
