#!/usr/bin/env python3
"""Checks an IATI activity file against the IATI Standard's rules with pyIATI (offline).

Usage: iati-rules.py FILE.xml

pyIATI 0.4.1 (PyPI; its last release, 2018) validates against the 2.03 schema, codelists and
rulesets it carries. Its TagVocabulary codelist holds only 1 (OECD DAC CRS) and 99 (the reporting
organization's own): vocabularies 2 (SDG goals) and 3 (SDG targets) were added to the Standard's
codelist after it was released, so each SDG tag is reported as "not a valid Code on the
TagVocabulary Codelist". Those findings are false and are counted, not failed. A rule pyIATI
cannot evaluate is a warning ("warn-rule-skipped"), also counted. Any other finding fails.
"""
import collections
import sys

import iati
import iati.default
import iati.validator

FALSE = ("err-code-not-on-codelist", ("2 is not a valid Code on the TagVocabulary Codelist",
                                      "3 is not a valid Code on the TagVocabulary Codelist"))


def main(path):
    # pyIATI reads a str without an encoding declaration (bytes trip a bug in its error reports).
    text = open(path, encoding="utf-8").read()
    if text.startswith("<?xml"):
        text = text.split("\n", 1)[1]
    dataset = iati.Dataset(text)
    log = iati.validator.full_validation(dataset, iati.default.activity_schema("2.03", populate=True))
    false, skipped, real = collections.Counter(), 0, []
    for finding in log:
        info = finding.info or ""
        if finding.name == FALSE[0] and info.startswith(FALSE[1]):
            false[info.split(" ", 1)[0]] += 1
        elif finding.name == "warn-rule-skipped":
            skipped += 1
        else:
            real.append(f"{finding.status} {finding.name} (line {finding.line_number}): {info[:300]}")
    activities = text.count("<iati-activity ")
    print(f"{activities} activities; known false findings: SDG tags of vocabulary 2: {false['2']}, of vocabulary 3: {false['3']}; "
          f"rules pyIATI skipped: {skipped}; other findings: {len(real)}")
    for line in real[:30]:
        print(line)
    return 1 if real else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
