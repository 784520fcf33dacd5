import pytest
from tests.web.test_api import web_store, client, ids  # noqa

@pytest.mark.parametrize("url", ["/api/entities?q=%00", "/api/quotes?q=a%00b", "/api/quotes?speaker=%00", "/api/articles?outlet=%00", "/api/search?q=%00", "/entities?q=%00", "/quotes?q=%00", "/quotes?speaker=%00x", "/search?outlet=%00", "/api/search?speaker=%00"])
def test_nul(client, url):
    r = client.get(url)
    assert r.status_code < 500, r.text[:300]
