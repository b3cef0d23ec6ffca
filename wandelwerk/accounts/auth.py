"""Bearer-token authentication for API writes: ``Authorization: Bearer ww_…``."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer

from wandelwerk.accounts.models import ApiToken
from wandelwerk.accounts.services import TOKEN_PREFIX, token_digest, token_touch

MAX_TOKEN_LENGTH = 200


class TokenAuth(HttpBearer):
    """Finds the token by its SHA-256 digest. A valid token of an active account authenticates as
    that account: the user is returned (ninja puts it into ``request.auth``) and also set as
    ``request.user``, so permission checks work as for a logged-in person. Unknown, revoked or
    malformed tokens and inactive accounts give ``None`` (ninja answers 401)."""

    def authenticate(self, request: HttpRequest, token: str) -> Any | None:
        token = token.strip()
        if not token.startswith(TOKEN_PREFIX) or len(token) > MAX_TOKEN_LENGTH:
            return None
        api_token = (
            ApiToken.objects.select_related("user")
            .filter(digest=token_digest(token), user__is_active=True)
            .first()
        )
        if api_token is None:
            return None
        token_touch(token=api_token)
        request.user = api_token.user
        return api_token.user
