// The anslag (notice of justering, KL 8:12) after justering: its dates as they stand and the
// secretary's form to change them within the law.
export { NoticeSection } from "./components/notice-section";
