import { Image, Text, View } from '@tarojs/components';
import type { Block, Inline } from '@zbxx/contracts';
import './study-blocks.scss';

function Inlines({ inlines }: { inlines: readonly Inline[] }) {
  return (
    <>
      {inlines.map((inline, i) => {
        const classes = [
          'blocks__inline',
          inline.bold && 'is-bold',
          inline.italic && 'is-italic',
          inline.code && 'is-code',
          inline.href && 'is-link',
        ]
          .filter(Boolean)
          .join(' ');
        return (
          <Text key={i} className={classes} userSelect>
            {inline.text}
          </Text>
        );
      })}
    </>
  );
}

/**
 * A material's block tree (parsed from Markdown on the server) as plain Taro components: the same output in
 * weapp and h5, no parser shipped. Font size comes from the parent's class.
 */
export function StudyBlocks({ blocks, imageUrls }: { blocks: readonly Block[]; imageUrls: Readonly<Record<string, string>> }) {
  return (
    <View className="blocks">
      {blocks.map((block, i) => {
        switch (block.type) {
          case 'heading':
            return (
              <View key={i} className={`blocks__heading blocks__heading--${Math.min(block.level, 3)}`}>
                <Inlines inlines={block.inlines} />
              </View>
            );
          case 'paragraph':
            return (
              <View key={i} className="blocks__paragraph">
                <Inlines inlines={block.inlines} />
              </View>
            );
          case 'quote':
            return (
              <View key={i} className="blocks__quote">
                {block.paragraphs.map((run, j) => (
                  <View key={j} className="blocks__quote-line">
                    <Inlines inlines={run} />
                  </View>
                ))}
              </View>
            );
          case 'list':
            return (
              <View key={i} className="blocks__list">
                {block.items.map((item, j) => (
                  <View key={j} className="blocks__item">
                    <Text className="blocks__marker">{block.ordered ? `${j + 1}.` : '•'}</Text>
                    <View className="blocks__item-text">
                      <Inlines inlines={item} />
                    </View>
                  </View>
                ))}
              </View>
            );
          case 'image':
            return <Image key={i} className="blocks__image" src={imageUrls[block.src] ?? block.src} mode="widthFix" lazyLoad />;
          case 'code':
            return (
              <View key={i} className="blocks__code">
                <Text userSelect>{block.text}</Text>
              </View>
            );
          case 'rule':
            return <View key={i} className="blocks__rule" />;
        }
      })}
    </View>
  );
}
