# SPDX-License-Identifier: MIT
"""dask_scan.py BIN LISTINGS.jsonl OUTDIR: the cluster route of
docs/scale.md on a real engine.  A Dask scheduler and two worker processes
on loopback read a JSON Lines export in partitions and run

  * the duplicates job: `handover scan --keyed` on each partition (map),
    a shuffle by IMEI, then `handover dups` on each sorted partition
    (reduce), and
  * the findings job: `handover scan --input-format jsonl` on each
    partition (map only),

then writes what they made to OUTDIR/cluster.dups and
OUTDIR/cluster.findings (one line each, in no particular order) and
OUTDIR/cluster.info (partitions, workers).
"""
import os
import subprocess
import sys

import dask.bag as db
from distributed import Client, LocalCluster

BIN, SRC, OUT = sys.argv[1:4]
BLOCK = os.environ.get("DASK_BLOCKSIZE", "256KiB")


def pipe(args, lines, ok=(0,)):
    """Runs handover with the lines on its stdin; returns its output lines.
    An exit status outside ok fails the task (as a map stage would)."""
    data = "".join(l if l.endswith("\n") else l + "\n" for l in lines).encode()
    p = subprocess.run([BIN] + args, input=data, capture_output=True)
    if p.returncode not in ok:
        raise RuntimeError("%s: exit %d: %s" % (" ".join(args), p.returncode,
                                                p.stderr.decode(errors="replace")))
    return p.stdout.decode().splitlines()


def keyed(lines):
    return pipe(["scan", "--keyed", "--quiet", "--input-format", "jsonl", "-"], list(lines))


def findings(lines):
    # 1: something flagged; 8: a row could not be read: both are results
    return pipe(["scan", "--quiet", "--input-format", "jsonl", "-"], list(lines), ok=(0, 1, 8))


def reduce_dups(groups):
    # every line of a key is in this partition (the shuffle saw to it);
    # dups wants them sorted as LC_ALL=C sort does: by bytes
    lines = sorted((l for _, ls in groups for l in ls), key=lambda s: s.encode())
    if not lines:
        return []
    return pipe(["dups"], lines, ok=(0, 1))


def main():
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                           host="127.0.0.1", dashboard_address=None,
                           silence_logs=40)
    client = Client(cluster)
    try:
        listings = db.read_text(SRC, blocksize=BLOCK)
        nparts = listings.npartitions
        # the key as a number: a str's hash differs from one worker
        # process to the next (PYTHONHASHSEED), an int's does not, and the
        # shuffle sends each key where its hash says
        pairs = listings.map_partitions(keyed).map(lambda l: (int(l.split("\t", 1)[0]), l))
        grouped = pairs.groupby(lambda kv: kv[0], shuffle="tasks", npartitions=4)
        groups = grouped.map(lambda g: (g[0], [kv[1] for kv in g[1]]))
        dups = groups.map_partitions(reduce_dups)
        found = listings.map_partitions(findings)
        dup_lines, finding_lines = client.compute([dups, found], sync=True)
        workers = len(client.scheduler_info()["workers"])
    finally:
        client.close()
        cluster.close()
    with open(os.path.join(OUT, "cluster.dups"), "w") as f:
        f.writelines(l + "\n" for l in dup_lines)
    with open(os.path.join(OUT, "cluster.findings"), "w") as f:
        f.writelines(l + "\n" for l in finding_lines)
    with open(os.path.join(OUT, "cluster.info"), "w") as f:
        f.write("partitions %d\nworkers %d\n" % (nparts, workers))


if __name__ == "__main__":
    main()
