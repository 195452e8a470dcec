"""`eco-field bureau users ...`: the office console's staff accounts (issue 18), beside the bureau commands."""

from __future__ import annotations

import argparse
import sys

from eco_field.bureau.office import staff
from eco_field.bureau.office.db import OfficeDB, open_office_db
from eco_field.cli.bureau import bureau_dir, storage_of
from eco_field.cli.output import add_json_flag, emit, table
from eco_field.errors import BadInput
from eco_field.messages import text

ORDER = 81  # after cli/bureau.py, which makes the `bureau` group


def _with_db(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument("--db", metavar="URL", default=argparse.SUPPRESS,
                        help="postgresql://... instead of SQLite in the data folder (default: $ECO_BUREAU_DB)")
    add_json_flag(parser)
    return parser


def register(commands) -> None:
    bureau = commands.group("bureau", "the reference bureau server and its administration")
    users = commands.group("users", "staff accounts of the office console (/console/)", parent=bureau)
    p = _with_db(commands.command("add", cmd_users_add, "add a staff account (or set its role and password);"
                                  " the password is read from standard input", parent=users))
    p.add_argument("name", help="user name for signing in")
    p.add_argument("--role", required=True, choices=list(staff.ROLES))
    p.add_argument("--display-name", default="", help="the name shown and written in approvals (default: NAME)")
    p.add_argument("--password-stdin", action="store_true", required=True,
                   help="read the password from the first line of standard input (never from the command line)")
    _with_db(commands.command("list", cmd_users_list, "list the staff accounts", parent=users))
    p = _with_db(commands.command("disable", cmd_users_disable, "disable an account (its sessions end)", parent=users))
    p.add_argument("name")


def _office(args: argparse.Namespace) -> OfficeDB:
    bureau_dir(args).mkdir(parents=True, exist_ok=True)
    return open_office_db(storage_of(args))


def cmd_users_add(args: argparse.Namespace) -> int:
    line = sys.stdin.readline()
    if not line:
        raise BadInput("console.password_stdin_empty")
    made = staff.add_user(_office(args), args.name, args.role, line.rstrip("\r\n"), args.display_name)
    item = {"username": made.username, "display_name": made.display_name, "role": made.role}
    emit(args, item, text("bureau.cli.user_saved", username=made.username, role=made.role_label))
    return 0


def cmd_users_list(args: argparse.Namespace) -> int:
    items = [{"username": u.username, "display_name": u.display_name, "role": u.role, "disabled": u.disabled}
             for u in staff.list_users(_office(args))]
    emit(args, items, lambda: table(((i["username"], i["display_name"], staff.ROLES[i["role"]],
                                      "已停用" if i["disabled"] else "") for i in items), ("用户名", "姓名", "角色", "")))
    return 0


def cmd_users_disable(args: argparse.Namespace) -> int:
    staff.disable_user(_office(args), args.name)
    emit(args, {"username": args.name, "disabled": True}, text("bureau.cli.user_disabled", username=args.name))
    return 0
