"""Counts of what a run read, wrote and rejected, and the one-line errors it prints."""
from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import IO


@dataclass(slots=True)
class Rejection:
    file: str
    record: str | None
    reason: str

    def line(self) -> str:
        where = self.file if self.record is None else f"{self.file} [{self.record}]"
        return f"warta: rejected {where}: {self.reason}"


@dataclass
class RunReport:
    """What a run did. Readers count `read`, writers `written`; anyone may `reject`."""

    read: int = 0
    written: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    stderr: IO[str] | None = None
    errors_file: IO[str] | None = None

    def reject(self, file: str, record: str | int | None, reason: str) -> None:
        rejection = Rejection(str(file), None if record is None else str(record), reason)
        self.rejections.append(rejection)
        stream = self.stderr if self.stderr is not None else sys.stderr
        print(rejection.line(), file=stream, flush=True)
        if self.errors_file is not None:
            self.errors_file.write(json.dumps(asdict(rejection), ensure_ascii=False) + "\n")

    @property
    def rejected(self) -> int:
        return len(self.rejections)

    def rejected_by_reason(self) -> Counter[str]:
        return Counter(r.reason.split(":")[0] for r in self.rejections)

    def merge(self, other: "RunReport") -> None:
        """Add a worker's reads and rejections (its rejections were printed by the worker, so they only go
        to the errors file); `written` is counted by whoever writes the final output."""
        self.read += other.read
        self.rejections.extend(other.rejections)
        if self.errors_file is not None:
            for rejection in other.rejections:
                self.errors_file.write(json.dumps(asdict(rejection), ensure_ascii=False) + "\n")

    def to_json(self) -> dict:
        return {"read": self.read, "written": self.written, "rejections": [asdict(r) for r in self.rejections]}

    @classmethod
    def from_json(cls, data: dict) -> "RunReport":
        return cls(read=data["read"], written=data["written"],
                   rejections=[Rejection(**r) for r in data["rejections"]])

    def summary(self) -> str:
        line = f"read {self.read}, wrote {self.written}, rejected {self.rejected}"
        reasons = self.rejected_by_reason()
        if reasons:
            line += " (" + ", ".join(f"{reason}: {n}" for reason, n in reasons.most_common()) + ")"
        return line
