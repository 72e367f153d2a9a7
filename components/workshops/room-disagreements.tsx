import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import type { RoomDisagreements as RoomDisagreementsDto } from "@/lib/domain/workshops";
import { formatDate, formatNumber } from "@/lib/format";

/**
 * On the results of an assessment a workshop became: where the room disagreed, question by
 * question, with what each role mostly chose and the facilitator's note.
 */
export function RoomDisagreements({
  room,
  workshopHref,
}: {
  room: RoomDisagreementsDto;
  workshopHref: string;
}) {
  return (
    <Card className="mb-6 print:mb-2" data-testid="room-disagreements">
      <CardHeader
        title="Where the room disagreed"
        description={
          <>
            These answers come from{" "}
            <Link href={workshopHref} className="text-primary hover:underline">
              {room.title}
            </Link>
            , a workshop of {room.participants} people on {formatDate(room.date)}. Disagreement is
            the spread of the scores they chose, from 0 (all alike) to 1 (split between the
            extremes); where it is high, ask what each side knows.
          </>
        }
      />
      {room.questions.length === 0 ? (
        <p className="text-sm text-muted-foreground">
          The room broadly agreed: no question reached a disagreement of 0.3.
        </p>
      ) : (
        <ul className="grid gap-4">
          {room.questions.map((q) => (
            <li key={q.questionId} className="grid gap-1 text-sm">
              <p className="font-medium">
                {q.prompt}{" "}
                <span className="font-normal text-muted-foreground">
                  (disagreement {formatNumber(q.disagreement, 2)})
                </span>
              </p>
              <ul className="grid gap-0.5 pl-4">
                {q.byRole
                  .filter((r) => r.answers > 0)
                  .map((r) => (
                    <li key={r.roleTag}>
                      <span className="text-muted-foreground">{r.roleTag}:</span>{" "}
                      {r.mostChose ?? "Don't know"}
                    </li>
                  ))}
              </ul>
              {q.note ? (
                <p className="text-muted-foreground">
                  Facilitator's note: <span className="text-foreground">{q.note}</span>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
