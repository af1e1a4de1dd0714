#!/usr/bin/env bash
# Installs and starts a single-node Slurm cluster (munge, slurmctld, slurmd) for the Slurm sweep
# tests, on Debian 12 without systemd (Debian's slurm-wlm packages started by hand, as the
# Slurm Quick Start Administrator Guide describes for a single host); must run as root. Safe to run again: daemons already up are
# left alone. Prints why and exits 0 when Slurm cannot be set up, so the tests skip.
set -uo pipefail

if [ "$(id -u)" -ne 0 ]; then
  echo "start-slurm: not root; Slurm tests will skip" >&2
  exit 0
fi
if sinfo -h -o %T 2>/dev/null | grep -Eq '^(idle|mix|alloc)'; then
  echo "start-slurm: Slurm is already up" >&2
  exit 0
fi
pkgs=(slurmctld slurmd slurm-client munge)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if ! { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"; } >&2; then
    echo "start-slurm: cannot install ${missing[*]}; Slurm tests will skip" >&2
    exit 0
  fi
fi

H=$(hostname -s)   # NodeName must match what slurmd thinks its name is
mkdir -p /run/munge /var/lib/munge /var/log/munge
chown munge:munge /run/munge /var/lib/munge /var/log/munge && chmod 0755 /run/munge
if [ ! -f /etc/munge/munge.key ]; then
  mungekey -c && chown munge:munge /etc/munge/munge.key && chmod 400 /etc/munge/munge.key
fi
if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
  runuser -u munge -- /usr/sbin/munged
fi
mkdir -p /var/spool/slurmctld /var/spool/slurmd /var/log/slurm
chown slurm:slurm /var/spool/slurmctld /var/log/slurm
cat > /etc/slurm/slurm.conf <<CONF
ClusterName=localcluster
SlurmctldHost=$H
SlurmUser=slurm
AuthType=auth/munge
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
NodeName=$H CPUs=$(nproc) State=UNKNOWN
PartitionName=debug Nodes=$H Default=YES MaxTime=INFINITE State=UP
CONF
pgrep -x slurmctld >/dev/null || /usr/sbin/slurmctld -i   # -i: ignore stale saved state
pgrep -x slurmd >/dev/null || /usr/sbin/slurmd
for _ in $(seq 1 20); do
  if sinfo -h -o %T 2>/dev/null | grep -Eq '^(idle|mix|alloc)'; then
    sinfo >&2
    exit 0
  fi
  sleep 1
done
echo "start-slurm: Slurm did not come up; Slurm tests will skip" >&2
sinfo >&2 || true
exit 0
