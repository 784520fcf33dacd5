"""`warta serve`: the web UI and REST API over a store."""
from __future__ import annotations

import click

DEFAULT_DB = "warta.db"


@click.command()
@click.option("--db", "db", default=DEFAULT_DB, show_default=True,
              help="Store URL or SQLite file (postgresql://... with warta[postgres]).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (loopback unless told otherwise).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
def serve(db: str, host: str, port: int) -> None:
    """Serve the web UI at / and the REST API at /api/ (docs at /api/docs)."""
    import uvicorn

    from warta.web.app import create_app

    app = create_app(db)
    click.echo(f"warta: serving {db} at http://{host}:{port}/ (API docs at /api/docs)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)
