/**
 * Builders for the official documentation URLs the pack links to, so every entry's `source` follows the same two
 * address shapes (Salesforce Help articles and the Marketing Cloud developer guide).
 */

/** A Salesforce Help article, e.g. `help('mc_as_sql_reference')`. */
export function help(articleId: string): string {
  return `https://help.salesforce.com/s/articleView?id=mktg.${articleId}.htm&type=5`;
}

/** A page of the Marketing Cloud Engagement developer guide, e.g. `dev('ssjs_serverSideJavaScript')`. */
export function dev(slug: string): string {
  return `https://developer.salesforce.com/docs/marketing/marketing-cloud/guide/${slug}.html`;
}
