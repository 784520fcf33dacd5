# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Viterbi decoding of the CRF over a batch of sentences, and the entity spans of the best paths (compiled).

The state scores of all the sentences' tokens come as one (tokens, labels) array; sentence k is
rows bounds[k]:bounds[k + 1]. A few labels and short sentences make this a loop of small steps,
which numpy would run one call at a time.
"""
import numpy as np


def best_labels(const double[:, ::1] scores, const Py_ssize_t[::1] bounds, const double[:, ::1] transitions):
    """The label index of each token on its sentence's highest-scoring path (ties: the lower index)."""
    cdef Py_ssize_t count = scores.shape[0], labels = scores.shape[1]
    best_path = np.zeros(count, dtype=np.intp)
    back_array = np.zeros((count, labels), dtype=np.intp)
    totals_array = np.zeros((2, labels))
    cdef Py_ssize_t[::1] path = best_path
    cdef Py_ssize_t[:, ::1] back = back_array
    cdef double[:, ::1] totals = totals_array
    cdef Py_ssize_t k, first, stop, t, i, j, arg, now
    cdef double best, candidate
    for k in range(bounds.shape[0] - 1):
        first, stop = bounds[k], bounds[k + 1]
        if first >= stop:
            continue
        now = 0
        for j in range(labels):
            totals[now, j] = scores[first, j]
        for t in range(first + 1, stop):
            for j in range(labels):
                best, arg = totals[now, 0] + transitions[0, j], 0
                for i in range(1, labels):
                    candidate = totals[now, i] + transitions[i, j]
                    if candidate > best:
                        best, arg = candidate, i
                back[t, j] = arg
                totals[1 - now, j] = best + scores[t, j]
            now = 1 - now
        arg = 0
        for j in range(1, labels):
            if totals[now, j] > totals[now, arg]:
                arg = j
        path[stop - 1] = arg
        for t in range(stop - 1, first, -1):
            path[t - 1] = back[t, path[t]]
    return best_path


def label_spans(const Py_ssize_t[::1] path, const Py_ssize_t[::1] bounds, const int[::1] opens,
                const int[::1] entity_type) -> list:
    """(first, stop, type) token spans of the labels in path, by the conlleval rules.

    opens[label] is 1 for B-, 2 for I-, 0 for O; entity_type[label] numbers its type. A B- opens a
    span; an I- continues the span before it when that has its type, else opens one too.
    """
    spans = []
    cdef Py_ssize_t k, t, start, label
    cdef int span_type
    for k in range(bounds.shape[0] - 1):
        start, span_type = -1, -1
        for t in range(bounds[k], bounds[k + 1]):
            label = path[t]
            if opens[label] == 2 and start >= 0 and entity_type[label] == span_type:
                continue
            if start >= 0:
                spans.append((start, t, span_type))
                start = -1
            if opens[label]:
                start, span_type = t, entity_type[label]
        if start >= 0:
            spans.append((start, bounds[k + 1], span_type))
    return spans
