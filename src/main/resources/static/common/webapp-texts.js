// Words Camunda wrote into its widgets' templates instead of a translation key, which its locale
// files therefore cannot reach; Tasklist and Cockpit replace them in the templates before Angular
// compiles them (cockpit/scripts/texts/plugin.js, tasklist/scripts/staff-tasks.js).

/** The zoom buttons of the diagram widgets (BPMN and DMN): their titles, the buttons' only names. */
export const DIAGRAM_TEXTS = [
  ['title="zoom in"', 'title="放大"'],
  ['title="zoom out"', 'title="缩小"'],
  ['title="reset zoom"', 'title="恢复原始大小"'],
];

/** {@code template} with each English text of {@code texts} replaced; unchanged where Camunda's differs. */
export function translated(template, texts = []) {
  return typeof template !== 'string' ? template
    : texts.reduce((result, [english, replacement]) => result.split(english).join(replacement), template);
}

/**
 * Replaces the texts in the templates of directives ({name: texts}) when app module {@code moduleName}
 * is configured: it depends on Camunda's widgets, so their directives exist by then.
 */
export function translateDirectives(moduleName, directiveTexts, angular = globalThis.angular) {
  angular?.module(moduleName).config(['$provide', ($provide) => {
    for (const [directive, texts] of Object.entries(directiveTexts)) {
      $provide.decorator(`${directive}Directive`, ['$delegate', (definitions) => {
        for (const definition of definitions) {
          definition.template = translated(definition.template, texts);
        }
        return definitions;
      }]);
    }
  }]);
}
