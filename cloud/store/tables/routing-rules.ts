/** Which department an appeal of a category goes to first. Data, so admins can change it. */
export interface RoutingRulesTable {
  category: string
  department_id: string
}
