import { NUMBER_WORDS } from "../report/format";
import type { Lang } from "../model/lang";

/** A share as the pane shows it: "66,5 %" in Swedish (as on the tabs), "66.5%" in English. */
export const formatShare = (fraction: number, lang: Lang): string => NUMBER_WORDS[lang].percent(fraction);

/** A count: "1 234" in Swedish (no-break space), "1,234" in English. */
export const formatCount = (n: number, lang: Lang): string => NUMBER_WORDS[lang].integer(n);
