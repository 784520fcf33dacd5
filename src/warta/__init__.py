"""warta: raw Indonesian news in, clean structured knowledge out."""
from warta.pipeline import Pipeline, process_file, process_text
from warta.record import Article
from warta.report import RunReport

__all__ = ["Article", "Pipeline", "RunReport", "process_file", "process_text"]
__version__ = "0.1.0"
