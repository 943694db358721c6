import { describe, expect, it } from "vitest";

import { splitPersonName, type NameOrder } from "@/lib/mapping/names";

// Case C11: family-name-first for Japanese names, given-first for western names, and a single
// token is the last name alone (never the same value in both fields).
describe("splitPersonName", () => {
  const cases: [string, NameOrder, string, string][] = [
    ["山田　太郎", "auto", "山田", "太郎"],
    ["山田　太郎", "family_first", "山田", "太郎"],
    ["山田 太郎", "auto", "山田", "太郎"],
    ["佐藤花子", "auto", "佐藤花子", ""],
    ["John Smith", "auto", "Smith", "John"],
    ["John Smith", "given_first", "Smith", "John"],
    ["Mary Ann Smith", "given_first", "Smith", "Mary Ann"],
    ["Madonna", "auto", "Madonna", ""],
    ["Madonna", "family_first", "Madonna", ""],
    ["  山田　　太郎  ", "auto", "山田", "太郎"],
    ["Yamada Taro", "family_first", "Yamada", "Taro"],
    ["", "auto", "", ""],
  ];

  it.each(cases)("%j with %s -> last %j, first %j", (name, order, lastName, firstName) => {
    expect(splitPersonName(name, order)).toEqual({ lastName, firstName });
  });
});
