import { ComingSoon } from '../../components/coming-soon';
import { MemberGate } from '../../components/member-gate';
import { PageFrame } from '../../components/page-frame';

export default function StudyPage() {
  return (
    <PageFrame>
      <MemberGate>
        {() => (
          <ComingSoon
            title="每月一学"
            summary="组织部每月发布的学习材料，在手机上就能读完。"
            features={[
              '本月必学材料一目了然，读完自动记录',
              '退出后再打开，从上次读到的地方接着看',
              '字号可调，信号不好时也能先下载再读',
              '漏学的材料可在月底前补学',
            ]}
          />
        )}
      </MemberGate>
    </PageFrame>
  );
}
