"""Server-level endpoints: ``/``, ``/identity``, ``/accounts``, ``/security/token`` and images."""

from __future__ import annotations

import re
from typing import Final

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from plexkit.testing.images import png
from plexkit.testing.library import FakeLibrary
from plexkit.testing.respond import HTTPError, container, context
from plexkit.testing.wire import Wire

_ROOT_DIRECTORIES = (
    "activities",
    "butler",
    "channels",
    "clients",
    "devices",
    "diagnostics",
    "hubs",
    "library",
    "livetv",
    "media",
    "metadata",
    "neighborhood",
    "playQueues",
    "player",
    "playlists",
    "resources",
    "search",
    "server",
    "servers",
    "statistics",
    "system",
    "transcode",
    "updater",
    "user",
)
_LOCAL_IMAGE = re.compile(
    r"^/(?:library/metadata|library/collections|playlists)/(\d+)/"
    r"(?:thumb|art|banner|composite|clearLogo)(?:/\d+)?$"
)
_DEFAULT_SIZES = {"art": (1920, 1080), "banner": (1000, 185)}


_CAPABILITIES: Wire = {
    "allowCameraUpload": True,
    "allowChannelAccess": True,
    "allowMediaDeletion": True,
    "allowSharing": True,
    "allowSync": True,
    "allowTuners": True,
    "backgroundProcessing": True,
    "certificate": True,
    "companionProxy": True,
    "countryCode": "usa",
    "diagnostics": "logs,databases,streaminglogs",
    "eventStream": True,
    "hubSearch": True,
    "itemClusters": True,
    "livetv": 7,
    "mediaProviders": True,
    "multiuser": True,
    "musicAnalysis": 2,
    "myPlex": True,
    "myPlexMappingState": "mapped",
    "myPlexSigninState": "ok",
    "myPlexSubscription": True,
    "myPlexUsername": "plexadmin@example.com",
    "offlineTranscode": 1,
    "ownerFeatures": "collections,content_filter,hwtranscode,item_clusters,livetv,"
    "loudness,lyrics,music_videos,pass,premium_music_metadata,session_kick,sync,"
    "trailers,webhooks",
    "photoAutoTag": True,
    "pluginHost": True,
    "pushNotifications": False,
    "readOnlyLibraries": False,
    "requestParametersInCookie": True,
    "streamingBrainABRVersion": 3,
    "streamingBrainVersion": 2,
    "sync": True,
    "transcoderAudio": True,
    "transcoderLyrics": True,
    "transcoderPhoto": True,
    "transcoderSubtitles": True,
    "transcoderVideo": True,
    "transcoderVideoBitrates": "64,96,208,320,720,1500,2000,3000,4000,8000,10000,12000,20000",
    "transcoderVideoQualities": "0,1,2,3,4,5,6,7,8,9,10,11,12",
    "transcoderVideoResolutions": "128,128,160,240,320,480,768,720,720,1080,1080,1080,1080",
    "updater": True,
    "voiceSearch": True,
}
"""What ``/`` says the server can do (a Plex Pass server with every feature on)."""


_IDENTITY = ("friendlyName", "machineIdentifier", "platform", "platformVersion", "version")


#: Capabilities ``/`` carries but ``/media/providers`` does not (none of the four providers
#: captures in plex-api.rs and plex-api-spec has them).
ROOT_ONLY: Final = frozenset(
    {
        "hubSearch",
        "itemClusters",
        "mediaProviders",
        "multiuser",
        "requestParametersInCookie",
        "transcoderPhoto",
    }
)


def server_attrs(library: FakeLibrary) -> Wire:
    """The capabilities and identity ``/`` and ``/media/providers`` both carry (as in
    plex-api.rs/server/media/providers_plexpass.json)."""
    server = library.server
    mc: Wire = {**_CAPABILITIES}
    mc.update({name: server[name] for name in _IDENTITY})
    mc["transcoderActiveVideoSessions"] = sum(
        1 for s in library.sessions if "TranscodeSession" in s
    )
    mc["updatedAt"] = library.now()
    return mc


async def root(request: Request) -> Response:
    """``GET /``: server capabilities and identity."""
    mc: Wire = {"size": len(_ROOT_DIRECTORIES), **server_attrs(context(request).library)}
    mc["Directory"] = [{"count": 1, "key": key, "title": key} for key in _ROOT_DIRECTORIES]
    return container(request, mc)


async def identity(request: Request) -> Response:
    """``GET /identity`` (no token needed)."""
    server = context(request).library.server
    mc: Wire = {
        "size": 0,
        "apiVersion": "1.2.2",
        "claimed": True,
        "machineIdentifier": server["machineIdentifier"],
        "version": server["version"],
    }
    return container(request, mc)


async def accounts(request: Request) -> Response:
    """``GET /accounts``: the server's user accounts."""
    items = context(request).library.accounts
    mc: Wire = {"size": len(items), "identifier": "com.plexapp.system.accounts"}
    if items:
        mc["Account"] = items
    return container(request, mc)


async def security_token(request: Request) -> Response:
    """``/security/token?type=delegation&scope=all``: a transient token, accepted at once."""
    if request.query_params.get("type", "delegation") != "delegation" or (
        request.query_params.get("scope", "all") != "all"
    ):
        raise HTTPError(400, "type must be delegation and scope all")
    ctx = context(request)
    token = request.headers.get("x-plex-token") or request.query_params.get("X-Plex-Token")
    account = ctx.tokens.account(token) or 1
    return container(request, {"size": 0, "token": ctx.tokens.transient(account)})


async def photo_transcode(request: Request) -> Response:
    """``/photo/:/transcode?url=&width=&height=``: a PNG of the asked size."""
    url = request.query_params.get("url", "")
    if not url:
        raise HTTPError(400, "url is required")
    try:
        width = int(request.query_params.get("width", "300"))
        height = int(request.query_params.get("height", "450"))
    except ValueError:
        raise HTTPError(400, "width and height must be integers") from None
    _require_image(request, url)
    return Response(png(width, height, url), media_type="image/png")


async def artwork(request: Request) -> Response:
    """``/library/metadata/{id}/thumb/{ts}`` and friends: the item's artwork."""
    path = request.url.path
    _require_image(request, path)
    element = str(request.path_params.get("element", "thumb"))
    width, height = _DEFAULT_SIZES.get(element, (600, 900))
    return Response(png(width, height, path), media_type="image/png")


def _require_image(request: Request, url: str) -> None:
    """404 unless ``url`` is an external URL or artwork of an item that exists."""
    if url.startswith(("http://", "https://")):
        return
    match = _LOCAL_IMAGE.match(url.partition("?")[0])
    if match is None or context(request).library.node(match.group(1)) is None:
        raise HTTPError(404, f"no image at {url}")


routes: list[BaseRoute] = [
    Route("/", root),
    Route("/identity", identity),
    Route("/accounts", accounts),
    Route("/security/token", security_token, methods=["GET", "POST", "PUT"]),
    Route("/photo/:/transcode", photo_transcode),
    Route("/library/metadata/{id:int}/{element:str}/{ts:int}", artwork),
    Route("/library/collections/{id:int}/composite/{ts:int}", artwork),
    Route("/playlists/{id:int}/composite/{ts:int}", artwork),
]
