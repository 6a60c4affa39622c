// Templates (issue 16 point 4): a body's § templates — rubrik, decision, sections — kept on
// /organ/<body>/mallar by its secretaries; those marked opening are the §§ a new meeting (and the
// agenda turned into §§) can start with; the picker adds a § from a template last in a meeting.
export { TemplateForm } from "./components/template-form";
export { TemplateList } from "./components/template-list";
export { TemplatePicker } from "./components/template-picker";
export { findTemplatesPage, listOpeningTitles, listTemplateChoices, type TemplateRow } from "./templates.queries";
export { addParagraphFromTemplate } from "./templates.mutations";
