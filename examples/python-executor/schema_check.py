"""A small JSON Schema (2020-12) checker for the protocol's own schemas.

The schemas in schemas/protocol/ are the normative contract, so the executor checks every
request against them rather than against a second, hand-written copy of each shape. Only the
keywords those schemas use are implemented; an unknown keyword is an error, so a schema that
grows a new keyword cannot be silently ignored.
"""

import json
import re
from pathlib import Path

# Keywords that describe rather than constrain.
_ANNOTATIONS = {"$schema", "$id", "$comment", "title", "description", "tsType", "default", "examples"}


class SchemaSet:
    """Every *.schema.json of one folder, addressable as 'file.schema.json#/$defs/Name'."""

    def __init__(self, folder):
        self.documents = {path.name: json.loads(path.read_text("utf-8")) for path in Path(folder).glob("*.schema.json")}
        self._patterns = {}

    def check(self, ref, value):
        """The issues of `value` against the schema `ref`: a list of {pointer, message}, empty when valid."""
        issues = []
        document, schema = self._resolve(ref, None)
        self._check(document, schema, value, "", issues)
        return issues[:100]

    def _resolve(self, ref, current):
        file, _, fragment = ref.partition("#")
        document = file or current
        node = self.documents[document]
        for part in filter(None, fragment.split("/")):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        return document, node

    def _matches(self, document, schema, value):
        probe = []
        self._check(document, schema, value, "", probe)
        return not probe

    def _check(self, document, schema, value, pointer, issues):
        if schema is True:
            return
        if schema is False:
            issues.append({"pointer": pointer, "message": "is not allowed"})
            return
        for keyword, expected in schema.items():
            if keyword in _ANNOTATIONS or keyword == "$defs":
                continue
            check = getattr(self, "_k_" + keyword.lstrip("$"), None)
            if check is None:
                raise ValueError(f"schema keyword {keyword!r} is not implemented by schema_check.py")
            check(document, schema, expected, value, pointer, issues)

    def _k_ref(self, document, schema, ref, value, pointer, issues):
        target_document, target = self._resolve(ref, document)
        self._check(target_document, target, value, pointer, issues)

    def _k_type(self, document, schema, expected, value, pointer, issues):
        names = expected if isinstance(expected, list) else [expected]
        if not any(_is_type(value, name) for name in names):
            issues.append({"pointer": pointer, "message": f"must be of type {' or '.join(names)}"})

    def _k_enum(self, document, schema, expected, value, pointer, issues):
        if not any(_same(value, option) for option in expected):
            issues.append({"pointer": pointer, "message": f"must be one of {json.dumps(expected)[:200]}"})

    def _k_const(self, document, schema, expected, value, pointer, issues):
        if not _same(value, expected):
            issues.append({"pointer": pointer, "message": f"must be {json.dumps(expected)}"})

    def _k_oneOf(self, document, schema, options, value, pointer, issues):
        matching = sum(1 for option in options if self._matches(document, option, value))
        if matching != 1:
            issues.append({"pointer": pointer, "message": f"must match exactly one of {len(options)} alternatives (matches {matching})"})

    def _k_required(self, document, schema, names, value, pointer, issues):
        if isinstance(value, dict):
            issues.extend({"pointer": f"{pointer}/{_escape(name)}", "message": "is required"} for name in names if name not in value)

    def _k_properties(self, document, schema, properties, value, pointer, issues):
        if isinstance(value, dict):
            for name, subschema in properties.items():
                if name in value:
                    self._check(document, subschema, value[name], f"{pointer}/{_escape(name)}", issues)

    def _k_additionalProperties(self, document, schema, extra, value, pointer, issues):
        if isinstance(value, dict):
            known = schema.get("properties", {})
            for name in value:
                if name not in known:
                    if extra is False:
                        issues.append({"pointer": f"{pointer}/{_escape(name)}", "message": "is not a member of this object"})
                    else:
                        self._check(document, extra, value[name], f"{pointer}/{_escape(name)}", issues)

    def _k_propertyNames(self, document, schema, names, value, pointer, issues):
        if isinstance(value, dict):
            for name in value:
                self._check(document, names, name, f"{pointer}/{_escape(name)}", issues)

    def _k_maxProperties(self, document, schema, limit, value, pointer, issues):
        if isinstance(value, dict) and len(value) > limit:
            issues.append({"pointer": pointer, "message": f"must have at most {limit} members"})

    def _k_items(self, document, schema, items, value, pointer, issues):
        if isinstance(value, list):
            for index, item in enumerate(value):
                self._check(document, items, item, f"{pointer}/{index}", issues)

    def _k_minItems(self, document, schema, limit, value, pointer, issues):
        if isinstance(value, list) and len(value) < limit:
            issues.append({"pointer": pointer, "message": f"must have at least {limit} items"})

    def _k_maxItems(self, document, schema, limit, value, pointer, issues):
        if isinstance(value, list) and len(value) > limit:
            issues.append({"pointer": pointer, "message": f"must have at most {limit} items"})

    def _k_uniqueItems(self, document, schema, unique, value, pointer, issues):
        if unique and isinstance(value, list):
            seen = [json.dumps(item, sort_keys=True) for item in value]
            if len(set(seen)) != len(seen):
                issues.append({"pointer": pointer, "message": "must not repeat items"})

    def _k_minimum(self, document, schema, limit, value, pointer, issues):
        if _is_type(value, "number") and value < limit:
            issues.append({"pointer": pointer, "message": f"must be at least {limit}"})

    def _k_maximum(self, document, schema, limit, value, pointer, issues):
        if _is_type(value, "number") and value > limit:
            issues.append({"pointer": pointer, "message": f"must be at most {limit}"})

    def _k_minLength(self, document, schema, limit, value, pointer, issues):
        if isinstance(value, str) and len(value) < limit:
            issues.append({"pointer": pointer, "message": f"must be at least {limit} characters long"})

    def _k_maxLength(self, document, schema, limit, value, pointer, issues):
        if isinstance(value, str) and len(value) > limit:
            issues.append({"pointer": pointer, "message": f"must be at most {limit} characters long"})

    def _k_pattern(self, document, schema, pattern, value, pointer, issues):
        if isinstance(value, str):
            compiled = self._patterns.get(pattern) or self._patterns.setdefault(pattern, _compile(pattern))
            if not compiled.search(value):
                issues.append({"pointer": pointer, "message": f"must match {pattern}"})


def _is_type(value, name):
    if name == "integer":
        return (isinstance(value, int) and not isinstance(value, bool)) or (isinstance(value, float) and value.is_integer())
    if name == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, {"object": dict, "array": list, "string": str, "boolean": bool, "null": type(None)}[name])


def _compile(pattern):
    # In Python `$` also matches before a final newline; ECMAScript's (the schemas' dialect) does not.
    return re.compile(re.sub(r"(?<!\\)\$", r"\\Z", pattern))


def _same(a, b):
    # JSON equality: true is not 1, and 1 equals 1.0.
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    return a == b


def _escape(name):
    return str(name).replace("~", "~0").replace("/", "~1")
