#!/usr/bin/env python3
"""Resident memory across epochs (issue 14: "report peak resident size; no growth across epochs").

Runs `encore train --json` as the user would and, at every epoch line it prints, reads the JVM's current resident
size (VmRSS) and its peak so far (VmHWM) from /proc. Growth shows as a VmRSS that keeps rising after the first
epochs; the peak is what the machine must have.
  python3 bench/memory_growth.py CLASSPATH DATA EPOCHS [USERS_FRACTION] [MODEL]
One JSON line per epoch on stdout: epoch, seconds, rss_mb, peak_mb.
"""
import json
import subprocess
import sys


def status_mb(pid, field):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) // 1024
    return None


def main():
    classpath, data, epochs = sys.argv[1], sys.argv[2], sys.argv[3]
    fraction = sys.argv[4] if len(sys.argv) > 4 else "0.1"
    model = sys.argv[5] if len(sys.argv) > 5 else "model1"
    out = f"/tmp/encore-memory-growth-run"
    subprocess.run(["rm", "-rf", out], check=True)
    command = ["java", "-XX:MaxRAMPercentage=25", "-XX:InitialRAMPercentage=25",
               "-Dlogback.configurationFile=bench/logback-quiet.xml", "-cp", classpath, "org.encore.app.Launcher",
               "train", "--data", data, "--model", model, "--users-fraction", fraction, "--epochs", epochs,
               "--out", out, "--json"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    for line in process.stdout:
        try:
            epoch = json.loads(line)
        except json.JSONDecodeError:
            continue
        if "epoch" not in epoch:
            continue
        print(json.dumps({"epoch": epoch["epoch"], "seconds": epoch.get("seconds"),
                          "rss_mb": status_mb(process.pid, "VmRSS"), "peak_mb": status_mb(process.pid, "VmHWM")}),
              flush=True)
    sys.exit(process.wait())


if __name__ == "__main__":
    main()
