# cython: language_level=3, boundscheck=False, wraparound=False
"""The entity mentions the quotes stage resolves speakers against (compiled).

The same steps as plain Python over the entities stage's mention dicts, compiled: there are a few
dozen mentions an article, and each statement looks up the ones inside a span.
"""


def canonical(mention):
    """The canonical name of a mention (its text when it has none)."""
    return str(mention.get("canonical") or mention.get("text") or "")


cdef class Mentions:
    """The mentions inside one body, by start (the longer first), with the role of each person."""

    cdef readonly list all     # the mention dicts, in that order
    cdef readonly dict roles   # canonical name of a person -> the role of its first mention naming one
    cdef list starts           # the start of each mention
    cdef list quoted           # the body's quoted spans, (start, end) in order
    cdef frozenset person_labels

    def __init__(self, entities, Py_ssize_t size, list quoted, frozenset person_labels):
        self.all = valid_mentions(entities, size)
        self.starts = starts_in_order(self.all)
        if self.starts is None:
            self.all.sort(key=start_then_longest)
            self.starts = [e["start"] for e in self.all]
        self.quoted = quoted
        self.person_labels = person_labels
        self.roles = {}
        for e in self.all:
            if e.get("role") and e.get("label") in person_labels:
                self.roles.setdefault(canonical(e), e["role"])

    def __bool__(self):
        return bool(self.all)

    def within(self, Py_ssize_t start, Py_ssize_t end, labels=None):
        """The mentions inside `[start, end)`, outside quotes, with one of `labels` (persons by default)."""
        cdef list found = []
        cdef Py_ssize_t at = self.first_from(start), count = len(self.all)
        if labels is None:
            labels = self.person_labels
        while at < count:
            e = self.all[at]
            if not e["start"] < end:
                break
            if e["end"] <= end and e.get("label") in labels and not self.in_quote(e["start"]):
                found.append(e)
            at += 1
        return found

    cdef Py_ssize_t first_from(self, Py_ssize_t start) except -1:
        """bisect.bisect_left(starts, start)"""
        cdef Py_ssize_t low = 0, high = len(self.starts), mid
        while low < high:
            mid = (low + high) // 2
            if self.starts[mid] < start:
                low = mid + 1
            else:
                high = mid
        return low

    cpdef bint in_quote(self, pos) except -1:
        """Whether `pos` lies inside a quoted span."""
        cdef Py_ssize_t low = 0, high = len(self.quoted), mid
        cdef tuple span
        while low < high:  # the number of spans starting at or before `pos`
            mid = (low + high) // 2
            if (<tuple> self.quoted[mid])[0] <= pos:
                low = mid + 1
            else:
                high = mid
        if low == 0:
            return False
        span = self.quoted[low - 1]
        return span[0] <= pos < span[1]


cdef list valid_mentions(entities, Py_ssize_t size):
    """The mentions with a start and end inside a body of `size` characters."""
    cdef list valid = []
    for e in entities:
        if type(e) is dict:  # the entities stage's mentions: int offsets, nothing to convert or catch
            start, end = (<dict> e).get("start"), (<dict> e).get("end")
            if type(start) is int and type(end) is int:
                if 0 <= start < end <= size:
                    valid.append(e)
                continue
        try:
            if isinstance(e, dict) and 0 <= int(e["start"]) < int(e["end"]) <= size:
                valid.append(e)
        except (KeyError, TypeError, ValueError):
            continue
    return valid


cdef list starts_in_order(list mentions):
    """The start of each mention if they already are in `start_then_longest` order (their offsets
    all ints), else None."""
    cdef list starts = []
    cdef Py_ssize_t start, end, last_start = -1, last_end = 0
    for e in mentions:
        start_at, end_at = e["start"], e["end"]
        if type(start_at) is not int or type(end_at) is not int:
            return None
        start, end = start_at, end_at
        if start < last_start or (start == last_start and end > last_end):
            return None
        last_start, last_end = start, end
        starts.append(start_at)
    return starts


def start_then_longest(dict mention):
    return mention["start"], -mention["end"]
