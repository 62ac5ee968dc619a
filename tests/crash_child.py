"""Child process for the crash test: adds (and now and then signs) records in a loop, printing
each committed id on its own line, until it is killed."""

from __future__ import annotations

import datetime as dt
import sys

from supervisor_app.db import open_database, provide_profiles
from supervisor_app.services import people, records
from supervisor_app.services.auth import use_fast_hashing_for_tests
from supervisor_app.usecases import signing
from supervisor_app.usecases.opening import load_profiles

PASSWORD = "crash test password"


def main(path: str) -> None:
    use_fast_hashing_for_tests()
    provide_profiles(load_profiles)
    db = open_database(path)
    today = dt.date.today()
    with db.uow("crash") as uow:
        if not people.list_supervisors(uow):
            supervisor = people.add_supervisor(
                uow, name="Crash Supervisor", credentials="CRSS", password=PASSWORD
            )
            people.add_supervisee(
                uow,
                name="Crash Supervisee",
                credential="CRSS",
                supervisor_id=supervisor.id,
                start_date=today - dt.timedelta(days=3000),
            )
            uow.commit()
        supervisor_id = people.list_supervisors(uow)[0].id
        supervisee_id = people.list_supervisees(uow)[0].id
        done = len(records.list_records(uow, "session"))
    index = done
    while True:
        with db.uow("crash") as uow:
            day = today - dt.timedelta(days=1 + index // 90)
            slot = index % 90
            row = records.add_session(
                uow,
                supervisor_id=supervisor_id,
                supervisee_ids=[supervisee_id],
                date=day,
                start=f"{slot // 4:02d}:{(slot % 4) * 15:02d}",
                minutes=15,
                format="individual",
                modality="video",
                allocations={"advocacy": 15},
                topics=f"crash test {index}",
            )
            uow.commit()
            print(row.id, flush=True)
            if index % 7 == 6:
                signed = signing.sign(uow, supervisor_id=supervisor_id, password=PASSWORD)
                print("signed " + " ".join(signed.signed), flush=True)
        index += 1


if __name__ == "__main__":
    main(sys.argv[1])
