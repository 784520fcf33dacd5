"""Module-scoped fixtures that run every test of a module on SQLite and on PostgreSQL.

Import them into a test module: `from tests.web.both_stores import client, ids, web_store  # noqa: F401`.
"""
from __future__ import annotations

import pytest

from tests.web.conftest import BOTH_STORES, client_for, ids_in, store_of_kind


@pytest.fixture(scope="module", params=BOTH_STORES)
def web_store(request):
    with store_of_kind(request.param, request) as store:
        yield store


@pytest.fixture(scope="module")
def client(web_store):
    with client_for(web_store) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def ids(web_store):
    return ids_in(web_store)
