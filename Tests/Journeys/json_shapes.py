#!/usr/bin/env python3
"""Checks JSON documents against the schemas of the platform's OpenAPI document, strictly.

Usage: json_shapes.py OPENAPI_YAML SCHEMA FILE [SCHEMA FILE ...]

SCHEMA is a component schema's name (`Mandate`), that name with `[]` for an array of them, or `-`
for a document no schema describes (a parsed resolution's structure). Each document must match its
schema with no member the schema does not name (`unevaluatedProperties: false` is added to every
object schema that names its members), and every member name anywhere must be snake_case: the one
naming of the platform's public JSON. Prints each problem and exits 1 if there is one.
Needs PyYAML and jsonschema (both come with schemathesis).
"""
import copy
import json
import re
import sys

import jsonschema
import yaml

SNAKE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")


def strict(schema):
    """The schema with every object that names its members closed to other members."""
    if isinstance(schema, dict):
        schema = {key: strict(value) for key, value in schema.items()}
        names_members = "properties" in schema or "allOf" in schema
        if names_members and "additionalProperties" not in schema and "unevaluatedProperties" not in schema:
            schema["unevaluatedProperties"] = False
        # allOf parts must stay open: the closing is done once, on the whole (a part that is a
        # reference points to the open copy of its schema, see `open_copies`).
        if "allOf" in schema:
            schema["allOf"] = [
                {"$ref": part["$ref"] + OPEN} if set(part) == {"$ref"} else {k: v for k, v in part.items() if k != "unevaluatedProperties"}
                for part in schema["allOf"]
            ]
        return schema
    if isinstance(schema, list):
        return [strict(value) for value in schema]
    return schema


OPEN = "__open"


def open_copies(components):
    """Each strict component schema, plus an open copy of each for use as a part of an allOf."""
    result = dict(components)
    for name, schema in components.items():
        if isinstance(schema, dict):
            result[name + OPEN] = {k: v for k, v in schema.items() if k != "unevaluatedProperties"}
    return result


def member_names(value, path, free_maps):
    """Every member name in the document with its path, skipping the keys of free-form maps."""
    if isinstance(value, dict):
        for key, item in value.items():
            if path not in free_maps:
                yield path, key
            yield from member_names(item, f"{path}/{key}" if path not in free_maps else f"{path}/*", free_maps)
    elif isinstance(value, list):
        for item in value:
            yield from member_names(item, f"{path}[]", free_maps)


def main(arguments):
    if len(arguments) < 3 or len(arguments) % 2 == 0:
        print(__doc__)
        return 2
    with open(arguments[0], encoding="utf-8") as file:
        document = yaml.safe_load(file)
    components = open_copies(strict(copy.deepcopy(document["components"]["schemas"])))
    problems = []
    for name, path in zip(arguments[1::2], arguments[2::2]):
        with open(path, encoding="utf-8") as file:
            value = json.load(file)
        if name != "-":
            base = name.removesuffix("[]")
            schema = {"$ref": f"#/components/schemas/{base}"}
            if name.endswith("[]"):
                schema = {"type": "array", "items": schema}
            root = {"$schema": "https://json-schema.org/draft/2020-12/schema", "components": {"schemas": components}, **schema}
            validator = jsonschema.Draft202012Validator(root, format_checker=jsonschema.FormatChecker())
            for error in sorted(validator.iter_errors(value), key=lambda e: list(e.absolute_path)):
                location = "/".join(str(part) for part in error.absolute_path) or "(the document)"
                problems.append(f"{path}: {name} at {location}: {error.message}")
        # Keys of maps whose keys are data (facet names) are not member names.
        free = {"/facets"} if name.startswith("ActivitySearchResult") else set()
        for where, key in member_names(value, "", free):
            if not SNAKE.match(key):
                problems.append(f"{path}: the member {key!r} at {where or '/'} is not snake_case")
    for problem in problems[:50]:
        print(problem)
    if len(problems) > 50:
        print(f"… and {len(problems) - 50} more")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
