// One meeting as an RFC 5545 calendar file, in the person's language. A resource route: it
// returns the file itself, so the page links to it with a plain <a download>.
import { createTranslator } from "@homeward/i18n";
import { languageBundle, requireViewer, services, requestMemo } from "@homeward/runtime";
import { AccessDenied, NotFound } from "@homeward/services/context";
import { meetingIcs } from "@homeward/services/meetings";
import type { Route } from "./+types/calendar";

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const viewer = await requireViewer(context, request);
  const bundle = languageBundle(request, viewer, ["meetings"]);
  const t = createTranslator(bundle).getFixedT(bundle.lng, "meetings");
  try {
    const { filename, body } = await meetingIcs(
      {
        db: services(context).db,
        userId: viewer.userId,
        kind: viewer.kind,
        app: "portal",
        now: services(context).clock(),
        memo: requestMemo(context, request),
      },
      params.meetingId,
      (type) => ({
        summary: t("meetings:ics.summary", { type: t(`types.${type}`) }),
        description: t("meetings:ics.description"),
      }),
    );
    return new Response(body, {
      headers: {
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
        // About a family's case: never kept by a shared cache.
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof AccessDenied) return new Response(null, { status: 403 });
    if (error instanceof NotFound) return new Response(null, { status: 404 });
    throw error;
  }
}
