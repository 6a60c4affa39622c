// zod with Swedish default messages: every schema imports z from here, so even a message we did
// not write ourselves (a wrong type, a missing object) reaches the user in Swedish.
import { z } from "zod";

z.config(z.locales.sv());

export { z };
