import { ComingSoon } from '../../components/coming-soon';
import { MemberGate } from '../../components/member-gate';
import { PageFrame } from '../../components/page-frame';

export default function QuizPage() {
  return (
    <PageFrame>
      <MemberGate>
        {() => (
          <ComingSoon
            title="党规答题"
            summary="每月一轮党内法规知识答题，学过的内容巩固一遍。"
            features={[
              '每轮题目从题库按类别抽取，限时作答',
              '答到一半断网也不丢答案，恢复后接着答',
              '交卷后当场出分，达到合格分即完成本月答题',
              '答错的题自动进入错题本，隔几天再练一次',
            ]}
          />
        )}
      </MemberGate>
    </PageFrame>
  );
}
