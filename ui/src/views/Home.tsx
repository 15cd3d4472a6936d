import type { WorkspaceInfo } from "../api";
import { PageHeader } from "../components/PageHeader";
import { formatWeek } from "../lib/format";

export function Home({ info }: { info: WorkspaceInfo }) {
  return (
    <div className="page">
      <PageHeader title="This week" subtitle={formatWeek(info.week)} />
    </div>
  );
}
