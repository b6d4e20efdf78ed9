#!/usr/bin/env python3
"""Measures the registry's search against the issue's targets (see BENCHMARKS.md).

Given a data folder that `wsis activities import` filled and a baseline SQLite file that the sqlite3
shell built from the same CSV (.import, then an FTS5 index), it times one fixed set of 20 queries:

- through our API (a running `wsis serve`): first 20 hits with snippets, the exact total, all facets;
- through Datasette serving the baseline file: the same search with facets on Action Line, country, SDG;
- as plain FTS5 SQL in the sqlite3 shell on the baseline file: top 20 by bm25 with snippets, the count,
  and GROUP BY counts for Action Line, country and SDG.

Every query is run once to warm up, then REPEAT times; the median is reported.
Usage: bench_registry.py --ours URL [--datasette URL] [--baseline FILE] [--repeat 5] [--pid PID]
"""
import argparse
import http.client
import json
import statistics
import subprocess
import time
import urllib.parse

# (label, words, filters): very common, mid-frequency and rare words, two words, phrases, prefixes, filters.
QUERIES = [
    ("very common", "digital", {}),
    ("very common", "services", {}),
    ("two common words", "digital services", {}),
    ("common phrase", '"digital tools"', {}),
    ("mid", "teachers", {}),
    ("mid", "broadband", {}),
    ("mid", "cybersecurity", {}),
    ("two mid words", "rural communities", {}),
    ("mid phrase", '"media literacy"', {}),
    ("prefix", "connect*", {}),
    ("prefix", "literac*", {}),
    ("Chinese", "数字", {}),
    ("French", "numérique", {}),
    ("rare", "kamori", {}),
    ("rare + common", "digital zelefo", {}),
    ("common + country", "digital", {"country": "KEN"}),
    ("mid + Action Line", "teachers", {"action_line": "C4"}),
    ("mid + country", "broadband", {"country": "IND"}),
    ("phrase + SDG", '"open data"', {"sdg": "16"}),
    ("rare Russian", "программа", {}),
]


class Client:
    def __init__(self, base):
        parsed = urllib.parse.urlparse(base)
        self.host, self.port = parsed.hostname, parsed.port
        self.connection = http.client.HTTPConnection(self.host, self.port, timeout=600)

    def get(self, path):
        try:
            return self._get(path)
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            # An idle keep-alive connection was closed by the server: open another and ask again.
            self.connection.close()
            self.connection = http.client.HTTPConnection(self.host, self.port, timeout=600)
            return self._get(path)

    def _get(self, path):
        started = time.perf_counter()
        self.connection.request("GET", path)
        response = self.connection.getresponse()
        body = response.read()
        elapsed = time.perf_counter() - started
        if response.status != 200:
            raise SystemExit(f"{path} answered {response.status}: {body[:300]!r}")
        return elapsed, body


def ours_path(words, filters):
    params = [("q", words), ("limit", "20")] + list(filters.items())
    return "/api/v1/activities?" + urllib.parse.urlencode(params)


def datasette_path(words, filters, database="baseline"):
    params = [("_search", words), ("_searchmode", "raw"), ("_fts_table", "activities_csv_fts"), ("_fts_pk", "rowid"), ("_size", "20"),
              ("_facet", "primary_action_line"), ("_facet", "countries"), ("_facet", "sdg_goals")]
    if "country" in filters:
        params.append(("countries__contains", filters["country"]))
    if "action_line" in filters:
        params.append(("primary_action_line", filters["action_line"]))
    if "sdg" in filters:
        params.append(("sdg_goals__contains", filters["sdg"]))
    return f"/{database}/activities_csv.json?" + urllib.parse.urlencode(params)


def shell_sql(words, filters):
    match = words.replace("'", "''")
    conditions = [f"activities_csv_fts MATCH '{match}'"]
    if "country" in filters:
        conditions.append(f"a.countries LIKE '%{filters['country']}%'")
    if "action_line" in filters:
        conditions.append(f"(a.primary_action_line = '{filters['action_line']}' OR a.action_lines LIKE '%{filters['action_line']}%')")
    if "sdg" in filters:
        conditions.append(f"(';' || replace(a.sdg_goals, ' ', '') || ';') LIKE '%;{filters['sdg']};%'")
    where = " AND ".join(conditions)
    source = "activities_csv_fts JOIN activities_csv a ON a.rowid = activities_csv_fts.rowid"
    return [
        f"SELECT a.rowid, a.title_en, snippet(activities_csv_fts, 1, '<mark>', '</mark>', '…', 30) FROM {source} WHERE {where} ORDER BY rank LIMIT 20;",
        f"SELECT count(*) FROM {source} WHERE {where};",
        f"SELECT a.primary_action_line, count(*) FROM {source} WHERE {where} GROUP BY 1 ORDER BY 2 DESC;",
        f"SELECT a.countries, count(*) FROM {source} WHERE {where} GROUP BY 1 ORDER BY 2 DESC;",
        f"SELECT a.sdg_goals, count(*) FROM {source} WHERE {where} GROUP BY 1 ORDER BY 2 DESC;",
    ]


def time_shell(baseline, words, filters, repeat):
    statements = shell_sql(words, filters)
    script = ".timer on\n.output /dev/null\n" + "".join("\n".join(statements) + "\n" for _ in range(repeat + 1))
    output = subprocess.run(["sqlite3", baseline], input=script, capture_output=True, text=True, check=True).stdout
    times = [float(line.split()[3]) for line in output.splitlines() if line.startswith("Run Time:")]
    per_run = [sum(times[i:i + len(statements)]) for i in range(0, len(times), len(statements))]
    return statistics.median(per_run[1:])


def time_http(client, path, repeat):
    client.get(path)  # warm-up
    return statistics.median(client.get(path)[0] for _ in range(repeat))


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ours", required=True)
    parser.add_argument("--datasette")
    parser.add_argument("--baseline")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--pid", type=int)
    arguments = parser.parse_args()

    ours = Client(arguments.ours)
    datasette = Client(arguments.datasette) if arguments.datasette else None
    rows = []
    for label, words, filters in QUERIES:
        _, body = ours.get(ours_path(words, filters))
        answer = json.loads(body)
        row = {"label": label, "query": words + "".join(f" [{k}={v}]" for k, v in filters.items()), "total": answer["total"],
               "ranking": answer["ranking"], "ours": time_http(ours, ours_path(words, filters), arguments.repeat)}
        if datasette:
            row["datasette"] = time_http(datasette, datasette_path(words, filters), arguments.repeat)
        if arguments.baseline:
            row["shell"] = time_shell(arguments.baseline, words, filters, arguments.repeat)
        rows.append(row)
        print(json.dumps(row, ensure_ascii=False), flush=True)

    print()
    print(f"{'query':40} {'total':>8} {'ours ms':>9} {'shell ms':>9} {'datasette ms':>13}")
    for row in rows:
        shell = f"{row['shell'] * 1000:9.1f}" if "shell" in row else f"{'-':>9}"
        data = f"{row['datasette'] * 1000:13.1f}" if "datasette" in row else f"{'-':>13}"
        print(f"{row['query'][:40]:40} {row['total']:8d} {row['ours'] * 1000:9.1f} {shell} {data}")
    ours_times = [row["ours"] for row in rows]
    print()
    print(f"ours: median {statistics.median(ours_times) * 1000:.1f} ms, slowest {max(ours_times) * 1000:.1f} ms, sum {sum(ours_times) * 1000:.0f} ms")
    if datasette:
        total = sum(row["datasette"] for row in rows)
        print(f"datasette: sum {total * 1000:.0f} ms; ours is {total / sum(ours_times):.1f}x faster over the set")
    if arguments.baseline:
        slower = [row["query"] for row in rows if row["ours"] > row["shell"]]
        print(f"sqlite3 shell: sum {sum(row['shell'] for row in rows) * 1000:.0f} ms; queries where ours is slower than the shell: {slower or 'none'}")
        rare = [row for row in rows if row["total"] < 5000]
        worst = max((row["ours"] / max(row["shell"], 0.0005) for row in rare), default=0)
        print(f"queries under 5,000 matches: ours at most {worst:.1f}x the shell (the shell's timer counts whole milliseconds)")
    if arguments.pid:
        print(f"server resident memory: {rss_mb(arguments.pid):.0f} MB")


if __name__ == "__main__":
    main()
