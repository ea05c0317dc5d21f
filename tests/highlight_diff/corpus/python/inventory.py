#!/usr/bin/env python3
"""Keep track of a small warehouse: items, stock levels and reorder alerts."""
from __future__ import annotations

import csv
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional

log = logging.getLogger(__name__)
REORDER_FACTOR = 1.5
MAX_ITEMS = 10_000


@dataclass(order=True)
class Item:
    """One product line and how many units are on the shelf."""

    sku: str
    name: str = field(compare=False)
    quantity: int = 0
    minimum: int = 5
    tags: list[str] = field(default_factory=list)

    def needs_reorder(self) -> bool:
        return self.quantity < self.minimum

    def reorder_amount(self) -> int:
        # Order enough to get comfortably above the minimum again.
        target = int(self.minimum * REORDER_FACTOR)
        return max(target - self.quantity, 0)

    def __str__(self) -> str:
        return f"{self.sku:<8} {self.name!r} x{self.quantity}"


class Inventory:
    def __init__(self, items: Optional[dict[str, Item]] = None):
        self._items = items or {}

    def __len__(self):
        return len(self._items)

    def __iter__(self) -> Iterator[Item]:
        yield from sorted(self._items.values())

    def add(self, item: Item) -> None:
        if len(self._items) >= MAX_ITEMS:
            raise OverflowError("inventory is full")
        if item.sku in self._items:
            raise KeyError(f"duplicate SKU {item.sku}")
        self._items[item.sku] = item

    def take(self, sku, count=1):
        item = self._items[sku]
        if count > item.quantity:
            log.warning("only %d of %s left", item.quantity, sku)
            count = item.quantity
        item.quantity -= count
        return count

    @classmethod
    def load(cls, path: Path) -> "Inventory":
        inventory = cls()
        with path.open(newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                tags = [t.strip() for t in row.get("tags", "").split(";") if t]
                inventory.add(Item(row["sku"], row["name"], int(row["qty"]), tags=tags))
        return inventory


def alerts(inventory: Inventory) -> list[str]:
    return ["reorder {} ({} units)".format(i.sku, i.reorder_amount())
            for i in inventory if i.needs_reorder()]


if __name__ == "__main__":
    inv = Inventory.load(Path("stock.csv"))
    print(*alerts(inv), sep="\n")
