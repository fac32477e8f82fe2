import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

/** Shared TypeScript packages (e.g. @zbxx/contracts) ship source, so the client compiles them too. */
const workspacePackages = path.resolve(__dirname, '../../packages');

/** `CLIENT_STATS=/tmp/stats.json npm run build:weapp -w client` writes module sizes, to see what fills the package. */
class StatsDump {
  constructor(private readonly file: string) {}
  apply(compiler: { hooks: { done: { tap: (name: string, fn: (stats: { toJson: (o: object) => unknown }) => void) => void } } }) {
    compiler.hooks.done.tap('StatsDump', (stats) => {
      writeFileSync(this.file, JSON.stringify(stats.toJson({ modules: true, chunks: true, assets: true })));
    });
  }
}

/** NutUI is drawn on a 375-wide canvas; everything of ours on the usual 750. */
function designWidth(input?: string | number | { file?: string }): number {
  const file = typeof input === 'object' ? (input.file?.replace(/\\+/g, '/') ?? '') : '';
  return file.includes('@nutui') ? 375 : 750;
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'zhibu-xuexi',
    date: '2026-11-22',
    designWidth,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    // weapp and h5 each get their own folder: project.config.json points miniprogramRoot at dist/weapp.
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {
      // Pinned at build time (client/.env.production or the shell); an empty string means "current env".
      'process.env.TARO_APP_CLOUD_ENV': JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? ''),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: true },
    alias: {
      '@': path.resolve(__dirname, '../src'),
    },
    mini: {
      compile: { include: [workspacePackages] },
      // Our styles are BEM-scoped per component, so the order chunks list them in does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      webpackChain(chain) {
        if (process.env.CLIENT_STATS) chain.plugin('stats-dump').use(StatsDump, [process.env.CLIENT_STATS]);
      },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      webpackChain(chain) {
        // Taro splits only initial chunks, so every lazily loaded page carried its own copy of NutUI.
        chain.optimization.splitChunks({ ...chain.optimization.get('splitChunks'), chunks: 'all' });
      },
      compile: { include: [workspacePackages] },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
