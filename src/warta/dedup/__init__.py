"""Exact and near-duplicate articles, and stories across outlets."""
from warta.dedup.features import CorpusFeatures, DedupConfig, FeatureExtractor, load_features, save_features
from warta.dedup.near import Links, link_corpus

__all__ = ["CorpusFeatures", "DedupConfig", "FeatureExtractor", "Links", "link_corpus", "load_features", "save_features"]
