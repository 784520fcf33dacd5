"""Property-based API testing from the app's own OpenAPI document (in-process, a bounded number of cases).

Every generated request, valid or not, must get a documented status (never a 5xx) and a body that
matches the response schema.
"""
from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, settings

from warta.web.app import create_app

from tests.web.conftest import hand_articles


def _app():
    import tempfile

    from warta.store.db import Store

    store = Store(tempfile.mkdtemp(prefix="warta-schemathesis-") + "/api.db")
    store.add_articles(hand_articles())
    return create_app(store)


schema = schemathesis.openapi.from_asgi("/api/openapi.json", _app())


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_openapi_document(case):
    case.call_and_validate()
