#!/bin/sh
# A stand-in for the docker CLI, for tests: it records every call in
# STATE/calls.log (working directory TAB arguments), answers `compose up`,
# `compose exec … env`, `compose version` and `ps` as Docker does, and never
# touches a daemon. `compose up -d SVC…` copies ./.env to
# STATE/containers/SVC.env: what the recreated container sees, read back by
# `compose exec SVC env` (and by the Kodus stand-in's status).
# STATE/mode, when present, makes every call fail as Docker does:
# "nodaemon" (daemon not running) or "denied" (no permission on the socket).
state='@STATE@'
printf '%s\t%s\n' "$PWD" "$*" >> "$state/calls.log"
mode=$(cat "$state/mode" 2>/dev/null)
case "$mode" in
nodaemon)
	echo "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?" >&2
	exit 1 ;;
denied)
	echo "permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Get \"http://%2Fvar%2Frun%2Fdocker.sock/v1.47/containers/json\": dial unix /var/run/docker.sock: connect: permission denied" >&2
	exit 1 ;;
esac
if [ "$1" = ps ]; then
	cat "$state/ps.txt" 2>/dev/null
	exit 0
fi
if [ "$1" != compose ]; then
	echo "docker: '$1' is not a docker command." >&2
	exit 125
fi
shift
case "$1" in
version)
	echo "Docker Compose version v2.29.7"
	exit 0 ;;
up)
	shift
	[ "$1" = -d ] && shift
	[ -f .env ] || { echo "env file $PWD/.env not found: stat $PWD/.env: no such file or directory" >&2; exit 1; }
	mkdir -p "$state/containers"
	echo "[+] Running $#/$#" >&2
	for svc in "$@"; do
		echo " Container kodus-$svc  Recreate" >&2
		cp .env "$state/containers/$svc.env"
		echo " Container kodus-$svc  Recreated" >&2
	done
	for svc in "$@"; do
		echo " Container kodus-$svc  Starting" >&2
		echo " Container kodus-$svc  Started" >&2
	done
	exit 0 ;;
exec)
	shift
	[ "$1" = -T ] && shift
	svc=$1
	f="$state/containers/$svc.env"
	[ -f "$f" ] || { echo "service \"$svc\" is not running" >&2; exit 1; }
	grep -E '^[A-Za-z_][A-Za-z0-9_]*=' "$f" | sed -e "s/^\([^=]*\)=\"\(.*\)\"\$/\1=\2/" -e "s/^\([^=]*\)='\(.*\)'\$/\1=\2/"
	exit 0 ;;
esac
echo "unknown docker compose command: $1" >&2
exit 1
